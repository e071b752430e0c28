package anki

import (
	"crypto/sha1"
	"encoding/binary"
)

// stableID maps a name into Anki's id range (millisecond timestamps, which
// is what Anki's own ids are) deterministically: the same name gives the
// same id in every export, so re-imports find their note types, decks and
// notes again.
func stableID(name string) int64 {
	h := sha1.Sum([]byte("factdeck-anki:" + name))
	n := int64(binary.BigEndian.Uint64(h[:8]) % 100_000_000_000)
	return 1_400_000_000_000 + n // between 2014 and 2017 as a timestamp
}

// The note types. Their ids and modification times never change, so Anki
// sees the same note type on every import; a change to their fields or
// templates must come with a new name (and so a new id).
var (
	basicID = stableID("note type: factdeck basic v1")
	clozeID = stableID("note type: factdeck cloze v1")
)

// modelMod is the note types' fixed modification time (seconds).
const modelMod = 1_700_000_000

const css = `.card { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 20px; text-align: left;
 color: black; background-color: white; }
.source { font-size: 14px; color: #555; }
.cloze { font-weight: bold; color: blue; }`

func field(name string, ord int) map[string]any {
	return map[string]any{"name": name, "ord": ord, "sticky": false, "rtl": false,
		"font": "Arial", "size": 20, "media": []any{}}
}

// model is one note type in col.models' JSON layout.
func model(id int64, name string, cloze bool, did int64) map[string]any {
	m := map[string]any{
		"id": id, "name": name, "mod": modelMod, "usn": 0, "sortf": 0, "did": did,
		"css": css, "tags": []any{}, "vers": []any{}, "latexsvg": false,
		"latexPre":  "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
		"latexPost": "\\end{document}",
	}
	if cloze {
		m["type"] = 1
		m["flds"] = []any{field("Text", 0), field("Back Extra", 1), field("Source", 2)}
		m["tmpls"] = []any{template("Cloze", "{{cloze:Text}}",
			"{{cloze:Text}}<br>{{Back Extra}}<div class=source>{{Source}}</div>")}
		m["req"] = []any{[]any{0, "any", []any{0}}}
		return m
	}
	m["type"] = 0
	m["flds"] = []any{field("Front", 0), field("Back", 1), field("Source", 2)}
	m["tmpls"] = []any{template("Card 1", "{{Front}}",
		"{{FrontSide}}<hr id=answer>{{Back}}<div class=source>{{Source}}</div>")}
	m["req"] = []any{[]any{0, "any", []any{0}}}
	return m
}

func template(name, q, a string) map[string]any {
	return map[string]any{"name": name, "ord": 0, "qfmt": q, "afmt": a, "did": nil, "bqfmt": "", "bafmt": ""}
}

// deck is one deck in col.decks' JSON layout.
func deck(id int64, name, desc string, mod int64) map[string]any {
	return map[string]any{
		"id": id, "name": name, "desc": desc, "mod": mod, "usn": 0, "collapsed": false, "browserCollapsed": false,
		"dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0,
		"newToday": []int{0, 0}, "revToday": []int{0, 0}, "lrnToday": []int{0, 0}, "timeToday": []int{0, 0},
	}
}

// deckConf is the default options group every deck points at.
func deckConf(mod int64) map[string]any {
	return map[string]any{"1": map[string]any{
		"id": 1, "name": "Default", "mod": mod, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
		"replayq": true, "dyn": false,
		"new":   map[string]any{"delays": []float64{1, 10}, "ints": []int{1, 4, 7}, "initialFactor": 2500, "order": 1, "perDay": 20, "bury": true, "separate": true},
		"rev":   map[string]any{"perDay": 200, "ease4": 1.3, "fuzz": 0.05, "maxIvl": 36500, "ivlFct": 1, "bury": true, "minSpace": 1},
		"lapse": map[string]any{"delays": []float64{10}, "mult": 0, "minInt": 1, "leechFails": 8, "leechAction": 0},
	}}
}
