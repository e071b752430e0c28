package export

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// layout places lines on pages and records the glyphs used.
type layout struct {
	font  *ttf
	pages []*bytes.Buffer
	y     float64
	used  map[uint16]rune // glyph id → the character it prints
}

func newLayout(f *ttf) *layout {
	d := &layout{font: f, used: map[uint16]rune{}}
	d.newPage()
	return d
}

// newPage starts a page unless the current one is still empty.
func (d *layout) newPage() {
	if len(d.pages) > 0 && d.y == pageH-margin {
		return
	}
	d.pages = append(d.pages, &bytes.Buffer{})
	d.y = pageH - margin
}

// width of s at size, in points.
func (d *layout) width(s string, size float64) float64 {
	var w int
	for _, r := range printable(s) {
		w += d.font.widths[d.font.cmap[r]]
	}
	return float64(w) * size / float64(d.font.unitsPerEm)
}

// wrap breaks s into lines that fit the text width; line breaks in s are kept.
func (d *layout) wrap(s string, size, indent float64) []line {
	var out []line
	max := pageW - 2*margin - indent
	for _, para := range strings.Split(strings.TrimSpace(s), "\n") {
		cur := ""
		for _, word := range strings.Fields(para) {
			next := strings.TrimSpace(cur + " " + word)
			if cur != "" && d.width(next, size) > max {
				out = append(out, line{text: cur, size: size, indent: indent})
				next = word
			}
			cur = next
		}
		if cur != "" {
			out = append(out, line{text: cur, size: size, indent: indent})
		}
	}
	return out
}

// block puts groups of lines on the page together, starting a new page
// when they do not fit (unless they fill more than a page by themselves).
func (d *layout) block(groups ...[]line) {
	var ls []line
	h := 10.0 // space above a block
	for _, g := range groups {
		ls = append(ls, g...)
	}
	for _, l := range ls {
		h += l.height()
	}
	if d.y-h < margin+20 && h < pageH-2*margin {
		d.newPage()
	}
	d.y -= 10
	for _, l := range ls {
		if d.y-l.height() < margin+20 {
			d.newPage()
		}
		d.y -= l.height()
		d.draw(l)
	}
}

// draw writes one line at the current height.
func (d *layout) draw(l line) {
	p := d.pages[len(d.pages)-1]
	if l.rule {
		fmt.Fprintf(p, "0.6 G 0.5 w %.2f %.2f m %.2f %.2f l S 0 G\n", margin+l.indent, d.y+4, pageW-margin, d.y+4)
		return
	}
	d.text(p, margin+l.indent, d.y+l.size*0.3, l.size, l.text)
}

// printable replaces what the font cannot draw by what it can: a flag
// emoji's regional indicators become the country code's letters
// (🇹🇷 → TR).
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x1F1E6 && r <= 0x1F1FF {
			return 'A' + r - 0x1F1E6
		}
		return r
	}, s)
}

// text writes s at (x, y) as glyph ids in the embedded font; a character
// the font lacks prints as its missing-glyph box.
func (d *layout) text(p *bytes.Buffer, x, y, size float64, s string) {
	fmt.Fprintf(p, "BT /F1 %.1f Tf %.2f %.2f Td <", size, x, y)
	for _, r := range printable(s) {
		if unicode.IsControl(r) {
			r = ' '
		}
		g := d.font.cmap[r]
		if g != 0 {
			d.used[g] = r
		}
		fmt.Fprintf(p, "%04X", g)
	}
	p.WriteString("> Tj ET\n")
}

// write assembles the PDF: catalog, pages (with "Page n of N" footers),
// the Type 0 font with its CID font, descriptor, subset file and ToUnicode
// map, and the cross-reference table.
func (d *layout) write(w io.Writer, title string) error {
	n := len(d.pages)
	for i, p := range d.pages {
		foot := fmt.Sprintf("%s — page %d of %d", truncate(title, 60), i+1, n)
		d.text(p, (pageW-d.width(foot, smallSize))/2, margin/2, smallSize, foot)
	}
	o := &pdfObjects{}
	catalog, pages := o.reserve(), o.reserve()
	fontRef := d.fontObjects(o)
	var kids []string
	for _, p := range d.pages {
		content := o.stream("", p.Bytes())
		kids = append(kids, fmt.Sprintf("%d 0 R", o.add(fmt.Sprintf(
			"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>",
			pages, pageW, pageH, fontRef, content))))
	}
	o.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	o.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	info := o.add(fmt.Sprintf("<< /Title %s /Producer (factdeck) >>", pdfUTF16(title)))
	return o.writeTo(w, catalog, info)
}

// fontObjects adds the embedded font and returns the Type 0 font's number.
func (d *layout) fontObjects(o *pdfObjects) int {
	f := d.font
	scale := func(v int) int { return v * 1000 / f.unitsPerEm }
	gids := make([]int, 0, len(d.used))
	for g := range d.used {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)
	used := map[uint16]bool{}
	var widths strings.Builder
	for _, g := range gids {
		used[uint16(g)] = true
		fmt.Fprintf(&widths, "%d [%d] ", g, scale(f.widths[g]))
	}
	file := o.stream(fmt.Sprintf("/Length1 %d", len(f.subset(used))), f.subset(used))
	desc := o.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /FDECKA+DejaVuSans /Flags 32 /FontBBox [%d %d %d %d] "+
		"/ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %d 0 R >>",
		scale(f.bbox[0]), scale(f.bbox[1]), scale(f.bbox[2]), scale(f.bbox[3]),
		scale(f.ascent), scale(f.descent), scale(f.capHeight), file))
	cid := o.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FDECKA+DejaVuSans "+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R "+
		"/DW %d /W [%s] /CIDToGIDMap /Identity >>", desc, scale(f.widths[0]), widths.String()))
	toUni := o.stream("", toUnicode(d.used, gids))
	return o.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /FDECKA+DejaVuSans /Encoding /Identity-H "+
		"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cid, toUni))
}

// toUnicode is the CMap that maps glyph ids back to characters.
func toUnicode(used map[uint16]rune, gids []int) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(gids); i += 100 {
		chunk := gids[i:min(i+100, len(gids))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16Units(used[uint16(g)]) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// utf16Units encodes r in UTF-16 (a surrogate pair above the BMP).
func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
}

// pdfUTF16 is a PDF text string in UTF-16BE with a byte-order mark.
func pdfUTF16(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, r := range s {
		for _, u := range utf16Units(r) {
			fmt.Fprintf(&b, "%04X", u)
		}
	}
	return b.String() + ">"
}

// pdfObjects numbers and serialises indirect objects.
type pdfObjects struct {
	objs [][]byte
}

func (o *pdfObjects) reserve() int { o.objs = append(o.objs, nil); return len(o.objs) }

func (o *pdfObjects) set(n int, body string) { o.objs[n-1] = []byte(body) }

func (o *pdfObjects) add(body string) int { n := o.reserve(); o.set(n, body); return n }

// stream adds a Flate-compressed stream with extra dictionary entries.
func (o *pdfObjects) stream(extra string, data []byte) int {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(data) //nolint:errcheck // writes to a bytes.Buffer do not fail
	zw.Close()     //nolint:errcheck // as above
	n := o.reserve()
	o.objs[n-1] = []byte(fmt.Sprintf("<< /Length %d /Filter /FlateDecode %s >>\nstream\n%s\nendstream", z.Len(), extra, z.Bytes()))
	return n
}

// writeTo writes the header, the objects, the xref table and the trailer.
func (o *pdfObjects) writeTo(w io.Writer, root, info int) error {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(o.objs))
	for i, body := range o.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(o.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(o.objs)+1, root, info, xref)
	_, err := w.Write(b.Bytes())
	return err
}
