package gen

import (
	"sort"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// aliasIndex groups the names the document gives one thing ("HTS",
// "Tahrir al-Sham", "Hayat Tahrir al-Sham"), from its topics' aliases and
// its alias facts.
type aliasIndex struct {
	parent map[string]string   // union-find over normalised names
	names  map[string]string   // normalised → as written (first seen)
	groups map[string][]string // root → normalised members, built on first use
}

func newAliasIndex(x quiz.Extraction) *aliasIndex {
	a := &aliasIndex{parent: map[string]string{}, names: map[string]string{}}
	for _, t := range x.Topics {
		for _, al := range t.Aliases {
			if sameSort(t.Base, al) {
				a.union(t.Base, al)
			}
		}
	}
	for _, f := range x.Facts {
		if f.Kind != quiz.KindAlias {
			continue
		}
		subj := f.Subject
		if subj == "" {
			subj = baseOfTopic(x, f)
		}
		if !sameSort(subj, f.Value) {
			continue // "2019 northwestern Syria offensive" = "Hayat Tahrir al-Sham": a group is no name of an offensive
		}
		a.union(subj, f.Value)
	}
	return a
}

// eventName reports a name of a happening: "Battle of Camden", "2019
// northwestern Syria offensive".
func eventName(s string) bool {
	n := norm(s)
	for _, w := range eventWords {
		if containsWord(n, w) {
			return true
		}
	}
	return false
}

// sameSort reports whether two names can name one thing: both events or
// both not (an acronym may stand for either).
func sameSort(a, b string) bool {
	return eventName(a) == eventName(b) || acronymRE.MatchString(strings.TrimSpace(b)) || acronymRE.MatchString(strings.TrimSpace(a))
}

func baseOfTopic(x quiz.Extraction, f quiz.Fact) string {
	for _, t := range x.Topics {
		if t.ID == f.TopicID || t.Name == f.Topic {
			if t.Base != "" {
				return t.Base
			}
			return t.Name
		}
	}
	return f.Topic
}

func (a *aliasIndex) find(n string) string {
	for a.parent[n] != "" && a.parent[n] != n {
		n = a.parent[n]
	}
	return n
}

func (a *aliasIndex) union(x, y string) {
	nx, ny := norm(x), norm(y)
	if nx == "" || ny == "" {
		return
	}
	for n, s := range map[string]string{nx: x, ny: y} {
		if _, ok := a.names[n]; !ok {
			a.names[n] = strings.TrimSpace(s)
			a.parent[n] = n
		}
	}
	rx, ry := a.find(nx), a.find(ny)
	if rx != ry {
		if rx < ry {
			a.parent[ry] = rx
		} else {
			a.parent[rx] = ry
		}
	}
}

// of returns the other names of v (not v itself), sorted.
func (a *aliasIndex) of(v string) []string {
	n := norm(v)
	if _, ok := a.names[n]; !ok {
		return nil
	}
	if a.groups == nil {
		a.groups = map[string][]string{}
		for m := range a.names {
			r := a.find(m)
			a.groups[r] = append(a.groups[r], m)
		}
	}
	var out []string
	for _, m := range a.groups[a.find(n)] {
		if m != n {
			out = append(out, a.names[m])
		}
	}
	sort.Strings(out)
	return out
}

// same reports whether x and y name the same thing.
func (a *aliasIndex) same(x, y string) bool {
	nx, ny := norm(x), norm(y)
	if nx == ny {
		return true
	}
	_, okx := a.names[nx]
	_, oky := a.names[ny]
	return okx && oky && a.find(nx) == a.find(ny)
}
