package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// ttf is what the PDF writer needs from a TrueType font: metrics, the
// character map and the tables to embed a subset.
type ttf struct {
	tables     map[string][]byte
	unitsPerEm int
	bbox       [4]int
	ascent     int
	descent    int
	capHeight  int
	widths     []int // advance width by glyph id, in font units
	cmap       map[rune]uint16
	longLoca   bool
}

var errFont = errors.New("export: unreadable TrueType font")

func u16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }
func i16(b []byte, off int) int { return int(int16(binary.BigEndian.Uint16(b[off:]))) }
func u32(b []byte, off int) int { return int(binary.BigEndian.Uint32(b[off:])) }

// parseTTF reads the tables of a TrueType font.
func parseTTF(data []byte) (f *ttf, err error) {
	defer func() {
		if recover() != nil { // a truncated table indexes out of range
			f, err = nil, errFont
		}
	}()
	f = &ttf{tables: map[string][]byte{}}
	n := u16(data, 4)
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, length := u32(rec, 8), u32(rec, 12)
		f.tables[string(rec[:4])] = data[off : off+length]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"} {
		if f.tables[t] == nil {
			return nil, fmt.Errorf("%w: no %s table", errFont, t)
		}
	}
	head, hhea := f.tables["head"], f.tables["hhea"]
	f.unitsPerEm = u16(head, 18)
	f.bbox = [4]int{i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42)}
	f.longLoca = i16(head, 50) == 1
	f.ascent, f.descent = i16(hhea, 4), i16(hhea, 6)
	f.capHeight = f.ascent
	if os2 := f.tables["OS/2"]; len(os2) >= 90 {
		f.capHeight = i16(os2, 88)
	}
	f.readWidths(u16(hhea, 34), u16(f.tables["maxp"], 4))
	f.cmap = readCmap(f.tables["cmap"])
	return f, nil
}

// readWidths reads advance widths; glyphs past numberOfHMetrics repeat the
// last one.
func (f *ttf) readWidths(nMetrics, nGlyphs int) {
	hmtx := f.tables["hmtx"]
	f.widths = make([]int, nGlyphs)
	for g := range f.widths {
		if g < nMetrics {
			f.widths[g] = u16(hmtx, 4*g)
		} else {
			f.widths[g] = f.widths[nMetrics-1]
		}
	}
}

// readCmap reads the Unicode character map: format 12 (full Unicode) when
// present, else format 4 (the Basic Multilingual Plane).
func readCmap(cm []byte) map[rune]uint16 {
	var sub4, sub12 []byte
	for i := 0; i < u16(cm, 2); i++ {
		rec := cm[4+8*i:]
		pid, eid, off := u16(rec, 0), u16(rec, 2), u32(rec, 4)
		switch st := cm[off:]; {
		case pid == 3 && eid == 10 && u16(st, 0) == 12:
			sub12 = st
		case (pid == 3 && eid == 1 || pid == 0) && u16(st, 0) == 4:
			sub4 = st
		}
	}
	m := map[rune]uint16{}
	if sub12 != nil {
		for i := 0; i < u32(sub12, 12); i++ {
			g := sub12[16+12*i:]
			start, end, gid := u32(g, 0), u32(g, 4), u32(g, 8)
			for c := start; c <= end; c++ {
				m[rune(c)] = uint16(gid + c - start)
			}
		}
		return m
	}
	if sub4 != nil {
		readCmap4(sub4, m)
	}
	return m
}

func readCmap4(st []byte, m map[rune]uint16) {
	segs := u16(st, 6) / 2
	ends, starts, deltas, offs := 14, 16+2*segs, 16+4*segs, 16+6*segs
	for s := 0; s < segs; s++ {
		end, start := u16(st, ends+2*s), u16(st, starts+2*s)
		delta, ro := u16(st, deltas+2*s), u16(st, offs+2*s)
		for c := start; c <= end && c != 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if g = u16(st, offs+2*s+ro+2*(c-start)); g != 0 {
				g = (g + delta) & 0xFFFF
			}
			if g != 0 {
				m[rune(c)] = uint16(g)
			}
		}
	}
}

// glyphRange is the byte range of glyph g in the glyf table.
func (f *ttf) glyphRange(g int) (int, int) {
	loca := f.tables["loca"]
	if f.longLoca {
		return u32(loca, 4*g), u32(loca, 4*g+4)
	}
	return 2 * u16(loca, 2*g), 2 * u16(loca, 2*g+2)
}

// subset returns a font file that keeps the glyph ids of the original but
// only the outlines of the used glyphs (and the parts of composite glyphs),
// so the PDF can map glyph ids one to one (CIDToGIDMap /Identity).
func (f *ttf) subset(used map[uint16]bool) []byte {
	keep := map[int]bool{0: true}
	var stack []int
	for g := range used {
		stack = append(stack, int(g))
	}
	glyf := f.tables["glyf"]
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if g >= len(f.widths) || keep[g] && g != 0 {
			continue
		}
		keep[g] = true
		stack = append(stack, components(glyf, f, g)...)
	}
	var newGlyf []byte
	loca := make([]byte, 4*(len(f.widths)+1))
	for g := range f.widths {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(newGlyf)))
		if keep[g] {
			s, e := f.glyphRange(g)
			newGlyf = append(newGlyf, glyf[s:e]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*len(f.widths):], uint32(len(newGlyf)))
	head := append([]byte(nil), f.tables["head"]...)
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment: not checked by PDF readers
	tables := map[string][]byte{"head": head, "loca": loca, "glyf": newGlyf}
	// The tables PDF readers need for a CIDFontType2 font (PDF 32000 9.9).
	for _, t := range []string{"hhea", "hmtx", "maxp", "cvt ", "fpgm", "prep"} {
		if b := f.tables[t]; b != nil {
			tables[t] = b
		}
	}
	return writeSFNT(tables)
}

// components lists the glyphs a composite glyph is built from.
func components(glyf []byte, f *ttf, g int) []int {
	s, e := f.glyphRange(g)
	if e-s < 10 || i16(glyf, s) >= 0 {
		return nil
	}
	var out []int
	for p := s + 10; p+4 <= e; {
		flags := u16(glyf, p)
		out = append(out, u16(glyf, p+2))
		p += 4
		if flags&1 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&8 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x40 != 0: // X_AND_Y_SCALE
			p += 4
		case flags&0x80 != 0: // TWO_BY_TWO
			p += 8
		}
		if flags&0x20 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return out
}

// writeSFNT assembles tables into a TrueType file.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))       // searchRange
	binary.BigEndian.PutUint16(out[8:], uint16(sel))           // entrySelector
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<sel)) // rangeShift
	for i, t := range tags {
		b := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(b))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(b)))
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
