// Package seeds holds the source documents factdeck ships with.
//
// 000_c72ea8b0ae7302a1.txt is a plain-text dump of the English Wikipedia
// article "Battle of Aleppo (2024)" and the lead paragraphs of related
// articles, copied from the project's shared seed folder. Wikipedia text is
// licensed CC BY-SA 4.0; attribute "Wikipedia contributors".
package seeds

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.txt
var files embed.FS

// FS returns the embedded seed documents.
func FS() fs.FS { return files }

// Names lists the seed file names in order (the order the home page shows).
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}
