package export

import (
	_ "embed" // the worksheet font
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/factdeck/factdeck/quiz"
)

// worksheetFont is DejaVu Sans (Debian's fonts-dejavu-core; licence in
// font/LICENSE): Latin, Greek, Cyrillic, Arabic-script transliteration marks
// and typographic punctuation, which covers the documents factdeck reads.
//
//go:embed font/DejaVuSans.ttf
var worksheetFont []byte

var (
	fontOnce   sync.Once
	fontParsed *ttf
	fontErr    error
)

// loadFont parses the embedded font once.
func loadFont() (*ttf, error) {
	fontOnce.Do(func() { fontParsed, fontErr = parseTTF(worksheetFont) })
	return fontParsed, fontErr
}

// Page geometry in points (A4).
const (
	pageW, pageH = 595.0, 842.0
	margin       = 56.0
	bodySize     = 11.0
	smallSize    = 9.0
	titleSize    = 16.0
)

// line is one laid-out line: text at a size and indent, or a ruled line
// to write an answer on.
type line struct {
	text   string
	size   float64
	indent float64
	rule   bool
}

func (l line) height() float64 {
	if l.rule {
		return 22
	}
	return l.size * 1.4
}

// PDF writes a printable worksheet: the questions on numbered pages with
// room to answer (ruled lines, boxes for ordering, blanks for matching),
// then the answer key with each card's source on pages of its own. The font
// (DejaVu Sans) is embedded as a subset, with a ToUnicode map so the text
// can be searched and copied.
func PDF(w io.Writer, set Set) error {
	font, err := loadFont()
	if err != nil {
		return err
	}
	d := newLayout(font)
	title := set.Name
	if title == "" {
		title = "Worksheet"
	}
	d.block(d.wrap(title, titleSize, 0), d.wrap(set.Description, bodySize, 0), []line{{text: "Name: ______________________    Date: ____________", size: bodySize}})
	for i, c := range set.Cards {
		d.block(d.questionLines(i+1, c))
	}
	d.newPage()
	d.block(d.wrap("Answer key: "+title, titleSize, 0))
	for i, c := range set.Cards {
		d.block(d.keyLines(i+1, c))
	}
	return d.write(w, title)
}

// questionLines lays out question n with room for the answer.
func (d *layout) questionLines(n int, c quiz.Card) []line {
	ls := d.wrap(fmt.Sprintf("%d. %s", n, c.Prompt), bodySize, 0)
	switch c.Kind {
	case quiz.CardMCQ:
		for i, ch := range c.Choices {
			ls = append(ls, d.wrap(fmt.Sprintf("○ %c) %s", 'a'+i, ch), bodySize, 18)...)
		}
	case quiz.CardTrueFalse:
		ls = append(ls, line{text: "○ True     ○ False", size: bodySize, indent: 18})
	case quiz.CardOrder:
		ls = append(ls, line{text: "Number the events 1 (earliest) to " + fmt.Sprint(len(c.Items)) + ":", size: smallSize, indent: 18})
		for _, it := range presentedItems(c) {
			ls = append(ls, d.wrap("[    ]  "+it.Left, bodySize, 18)...)
		}
	case quiz.CardMatch:
		ls = append(ls, line{text: "Write the letter of the match on each line:", size: smallSize, indent: 18})
		for i, it := range c.Items {
			ls = append(ls, d.wrap(fmt.Sprintf("%d. %s  ____", i+1, it.Left), bodySize, 18)...)
		}
		for i, r := range presentedRights(c) {
			ls = append(ls, d.wrap(fmt.Sprintf("%c) %s", 'a'+i, r), bodySize, 36)...)
		}
	default:
		ls = append(ls, line{rule: true, indent: 18}, line{rule: true, indent: 18})
	}
	return ls
}

// keyLines is question n's entry in the answer key: the answer and its source.
func (d *layout) keyLines(n int, c quiz.Card) []line {
	ans := answer(c)
	if c.Kind == quiz.CardMCQ && c.Correct >= 0 && c.Correct < len(c.Choices) {
		ans = fmt.Sprintf("%c) %s", 'a'+c.Correct, ans)
	}
	if c.Kind == quiz.CardMatch {
		ans = matchKey(c)
	}
	ls := d.wrap(fmt.Sprintf("%d. %s", n, ans), bodySize, 0)
	if alts := accepted(c)[1:]; len(alts) > 0 && (c.Kind == quiz.CardTyped || c.Kind == quiz.CardCloze) {
		ls = append(ls, d.wrap("Also accepted: "+strings.Join(alts, "; "), smallSize, 18)...)
	}
	if src := sourceLine(c); src != "" {
		ls = append(ls, d.wrap(src, smallSize, 18)...)
	}
	return ls
}

// matchKey gives each numbered left side the letter of its right side as
// printed on the worksheet.
func matchKey(c quiz.Card) string {
	letter := map[string]rune{}
	for i, r := range presentedRights(c) {
		letter[r] = 'a' + rune(i)
	}
	var parts []string
	for i, it := range c.Items {
		parts = append(parts, fmt.Sprintf("%d–%c (%s ↔ %s)", i+1, letter[it.Right], it.Left, it.Right))
	}
	return strings.Join(parts, "; ")
}
