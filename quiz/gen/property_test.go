package gen

import (
	"regexp"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

var residueRE = regexp.MustCompile(`\[\s*(?:\d+|[a-z]{1,2}|[^\]]*needed[^\]]*)\s*\]`)

// checkCard asserts the properties every generated card must have.
func checkCard(t *testing.T, d Doc, c quiz.Card) {
	t.Helper()
	fail := func(msg string) {
		t.Errorf("%s: card %s (%s): %s\n  prompt: %s\n  answer: %s", d.ID, c.ID, c.Kind, msg, c.Prompt, c.Answer)
	}
	s := c.Source
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End || d.Text[s.Start:s.End] != s.Text || s.Doc != d.ID {
		fail("source text is not verbatim at its offsets")
	}
	if c.ID == "" || c.Prompt == "" || c.Answer == "" || c.Topic == "" {
		fail("missing id, prompt, answer or topic")
	}
	if startsWithPronoun(c.Prompt) {
		fail("prompt starts with a pronoun")
	}
	if residueRE.MatchString(c.Prompt) || residueRE.MatchString(c.Answer) {
		fail("citation residue")
	}
	if !strings.Contains(c.Explanation, strings.TrimSpace(s.Text)) || !strings.Contains(c.Explanation, c.Topic) {
		fail("explanation does not quote the source and name the topic")
	}
	switch c.Kind {
	case quiz.CardMCQ, quiz.CardTyped, quiz.CardCloze:
		if !supported(c.Answer, s.Text) {
			fail("answer not supported by the source text " + s.Text)
		}
		np := norm(c.Prompt)
		for _, a := range append([]string{c.Answer}, c.Accept...) {
			if containsWord(np, norm(a)) {
				fail("prompt contains the answer " + a)
			}
		}
	case quiz.CardOrder, quiz.CardMatch:
		if len(c.Items) < 3 || len(c.Items) > 5 {
			fail("order and match cards need 3–5 items")
		}
	}
	if c.Kind == quiz.CardMCQ || c.Kind == quiz.CardTrueFalse {
		checkChoices(t, c, fail)
	}
}

func checkChoices(t *testing.T, c quiz.Card, fail func(string)) {
	t.Helper()
	seen := map[string]bool{}
	right := 0
	for _, ch := range c.Choices {
		k := norm(ch)
		if seen[k] {
			fail("choices not distinct after normalisation: " + ch)
		}
		seen[k] = true
		if k == norm(c.Answer) {
			right++
		}
	}
	want := 4
	if c.Kind == quiz.CardTrueFalse {
		want = 2
	}
	if len(c.Choices) != want || right != 1 || c.Correct < 0 || c.Correct >= len(c.Choices) || norm(c.Choices[c.Correct]) != norm(c.Answer) {
		fail("needs exactly one correct choice at Correct")
	}
}

// supported reports whether the source text states the answer: verbatim
// after normalisation, or as the same date or number.
func supported(answer, src string) bool {
	ns := norm(clean(src))
	if containsWord(ns, norm(answer)) {
		return true
	}
	if d, _, ok := parseAnswerDate(answer); ok {
		for _, h := range findDates(src) {
			if matchHit(h.d, d) {
				return true
			}
		}
	}
	if a, b, ok := strings.Cut(answer, " – "); ok {
		return supportedDate(a, src) && supportedDate(b, src)
	}
	if v, ok := parseAnswerNumber(answer); ok {
		for _, h := range findNumbers(src) {
			if h.v == v {
				return true
			}
		}
	}
	return false
}

// supportedDate finds a date (possibly without its year) in the source.
func supportedDate(part, src string) bool {
	hs := findDates(part)
	if len(hs) != 1 {
		return false
	}
	for _, h := range findDates(src) {
		p := hs[0].d
		if h.d.Month == p.Month && h.d.Day == p.Day && (h.d.Year == 0 || p.Year == 0 || h.d.Year == p.Year) {
			return true
		}
	}
	return false
}

func TestSeedCards(t *testing.T) {
	d := loadDoc(t, seedPath)
	others := loadCorpus(t)
	cards := Generate(d, others, DefaultOptions())
	shown := map[string]quiz.Card{}
	kinds := map[quiz.CardKind]int{}
	topics := map[string]int{}
	for _, c := range cards {
		checkCard(t, d, c)
		if c.Held {
			continue
		}
		shown[c.ID] = c
		kinds[c.Kind]++
		topics[c.Topic]++
	}
	t.Logf("seed: %d cards, %d shown, by kind %v", len(cards), len(shown), kinds)
	if len(shown) < 250 {
		t.Errorf("seed yields %d distinct shown cards, want at least 250", len(shown))
	}
	for _, k := range []quiz.CardKind{quiz.CardMCQ, quiz.CardCloze, quiz.CardTyped, quiz.CardTrueFalse, quiz.CardOrder, quiz.CardMatch} {
		if kinds[k] == 0 {
			t.Errorf("no shown %s card", k)
		}
	}
	for _, tp := range d.Extraction.Topics {
		if topics[tp.Name] == 0 {
			t.Errorf("topic %q has no shown card", tp.Name)
		}
	}
	checkKeyFacts(t, shown)
	again := Generate(d, others, DefaultOptions())
	if len(again) != len(cards) {
		t.Fatalf("second run: %d cards, first %d", len(again), len(cards))
	}
	for i := range cards {
		if cards[i].ID != again[i].ID || cards[i].Prompt != again[i].Prompt || strings.Join(cards[i].Choices, "|") != strings.Join(again[i].Choices, "|") {
			t.Fatalf("card %d differs between runs: %s vs %s", i, cards[i].ID, again[i].ID)
		}
	}
}

// checkKeyFacts asks for the seed's key facts among the shown cards.
func checkKeyFacts(t *testing.T, shown map[string]quiz.Card) {
	t.Helper()
	has := func(name string, ok func(c quiz.Card) bool) {
		for _, c := range shown {
			if ok(c) {
				return
			}
		}
		t.Errorf("no shown card asks for %s", name)
	}
	dated := func(answer, sourceWord string) func(quiz.Card) bool {
		return func(c quiz.Card) bool {
			return (c.Kind == quiz.CardMCQ || c.Kind == quiz.CardTyped) && c.Answer == answer && strings.Contains(c.Source.Text, sourceWord)
		}
	}
	has("the date Aleppo was entered", dated("29 November 2024", "entered"))
	has("the date Aleppo was taken", dated("30 November 2024", "captured"))
	has("the date Hama fell", func(c quiz.Card) bool {
		return strings.Contains(c.Source.Text, "Hama") && (strings.Contains(c.Answer, "5 December") || strings.Contains(c.Answer, "December 5"))
	})
	for _, k := range []quiz.FactKind{quiz.KindBelligerent, quiz.KindUnit} {
		for _, side := range []string{"Syrian Salvation Government", "Ba'athist Syria"} {
			has(string(k)+" of the side of "+side, func(c quiz.Card) bool {
				return c.FactKind == k && c.Kind == quiz.CardMCQ && strings.Contains(c.Prompt, side)
			})
		}
	}
	has("a code name", func(c quiz.Card) bool { return c.FactKind == quiz.KindCodename && c.Kind == quiz.CardMCQ })
	has("the civilian casualties", func(c quiz.Card) bool { return c.Answer == "22" || strings.HasPrefix(c.Answer, "22 civilians") })
	has("the refugee count", func(c quiz.Card) bool { return c.Answer == "2,892" })
	has("the besieged residents", func(c quiz.Card) bool { return c.Answer == "100,000" })
}

func TestCorpusCards(t *testing.T) {
	docs := loadCorpus(t)
	total, shown := 0, 0
	for i, d := range docs {
		others := append(append([]Doc{}, docs[:i]...), docs[i+1:]...)
		cards := Generate(d, others, DefaultOptions())
		ids := map[string]bool{}
		for _, c := range cards {
			checkCard(t, d, c)
			if ids[c.ID] {
				t.Errorf("%s: duplicate id %s", d.ID, c.ID)
			}
			ids[c.ID] = true
			if !c.Held {
				shown++
			}
		}
		total += len(cards)
		again := Generate(d, others, DefaultOptions())
		for j := range cards {
			if j >= len(again) || again[j].ID != cards[j].ID {
				t.Fatalf("%s: ids differ between runs at %d", d.ID, j)
			}
		}
	}
	t.Logf("corpus: %d documents, %d cards, %d shown", len(docs), total, shown)
}
