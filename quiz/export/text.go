package export

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"html"
	"sort"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz"
)

// blank is how the generator marks the gap in a cloze prompt.
const blank = "_____"

// ModTime is when card was last changed in set: set.Modified[card.ID], or
// set.Time when the card has no entry.
func ModTime(set Set, card quiz.Card) time.Time {
	if t, ok := set.Modified[card.ID]; ok {
		return t
	}
	return set.Time
}

// sourceLine cites a card's source sentence and document for a reader.
func sourceLine(c quiz.Card) string {
	if c.Source.Text == "" {
		return ""
	}
	if c.Source.Doc == "" {
		return fmt.Sprintf("Source: “%s”", c.Source.Text)
	}
	return fmt.Sprintf("Source (%s): “%s”", c.Source.Doc, c.Source.Text)
}

// question is a card's prompt as a plain-text question, with the choices,
// items or pairs a reader needs to answer it.
func question(c quiz.Card) string {
	var b strings.Builder
	b.WriteString(c.Prompt)
	switch c.Kind {
	case quiz.CardMCQ:
		for i, ch := range c.Choices {
			fmt.Fprintf(&b, "\n%c) %s", 'a'+i, ch)
		}
	case quiz.CardOrder:
		for _, it := range presentedItems(c) {
			fmt.Fprintf(&b, "\n- %s", it.Left)
		}
	case quiz.CardMatch:
		for i, it := range c.Items {
			fmt.Fprintf(&b, "\n%d. %s", i+1, it.Left)
		}
		for i, r := range presentedRights(c) {
			fmt.Fprintf(&b, "\n%c) %s", 'a'+i, r)
		}
	}
	return b.String()
}

// answer is a card's full answer as plain text: the right choice, the
// ordered items or the pairs, and the other accepted answers.
func answer(c quiz.Card) string {
	switch c.Kind {
	case quiz.CardMCQ, quiz.CardTrueFalse:
		if c.Correct >= 0 && c.Correct < len(c.Choices) {
			return c.Choices[c.Correct]
		}
	case quiz.CardOrder:
		var parts []string
		for _, it := range c.Items {
			parts = append(parts, it.Left)
		}
		if len(parts) > 0 {
			return strings.Join(parts, " → ")
		}
	case quiz.CardMatch:
		var parts []string
		for _, it := range c.Items {
			parts = append(parts, it.Left+" ↔ "+it.Right)
		}
		if len(parts) > 0 {
			return strings.Join(parts, "; ")
		}
	}
	return c.Answer
}

// accepted lists the answers a typed or cloze card takes: the answer first,
// then its aliases, without duplicates.
func accepted(c quiz.Card) []string {
	out := []string{c.Answer}
	seen := map[string]bool{strings.ToLower(c.Answer): true}
	for _, a := range c.Accept {
		k := strings.ToLower(strings.TrimSpace(a))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out
}

// presentedItems are an order card's items in a stable order that does not
// give the answer away: sorted by their hash.
func presentedItems(c quiz.Card) []quiz.Item {
	items := append([]quiz.Item(nil), c.Items...)
	sort.SliceStable(items, func(i, j int) bool { return hashOf(c.ID+items[i].Left) < hashOf(c.ID+items[j].Left) })
	return items
}

// presentedRights are a match card's right-hand sides, shuffled the same way.
func presentedRights(c quiz.Card) []string {
	var rs []string
	for _, it := range c.Items {
		rs = append(rs, it.Right)
	}
	sort.SliceStable(rs, func(i, j int) bool { return hashOf(c.ID+rs[i]) < hashOf(c.ID+rs[j]) })
	return rs
}

// hashOf is a short stable hash, used for identifiers and shuffles.
func hashOf(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])
}

// ident is an XML-safe identifier derived from s: a letter then hex digits.
func ident(prefix, s string) string { return prefix + hashOf(s)[:16] }

// clozeText turns a cloze prompt into Anki cloze syntax; ok is false when the
// prompt has no blank.
func clozeText(c quiz.Card) (string, bool) {
	if c.Kind != quiz.CardCloze || !strings.Contains(c.Prompt, blank) {
		return "", false
	}
	ans := strings.ReplaceAll(html.EscapeString(c.Answer), "}}", "} }")
	ans = strings.ReplaceAll(ans, "::", ": :")
	return strings.Replace(html.EscapeString(c.Prompt), blank, "{{c1::"+ans+"}}", 1), true
}

// htmlLines escapes s for HTML and keeps its line breaks.
func htmlLines(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

// truncate shortens s to at most n runes, ending with an ellipsis when cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
