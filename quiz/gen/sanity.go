package gen

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/factdeck/factdeck/quiz"
)

// Defensive checks against facts that would make wrong cards. The fact
// extractor is improved separately; a value that fails these checks is not
// asked about (and not offered as a distractor), so a wrong fact is held
// back rather than shown.

// loneModifierRE matches a single word that is an adjective, demonym or
// rank, not a name: "Syrian", "Ba'athist", "Kurdish", "Lt", "Islamist".
var loneModifierRE = regexp.MustCompile(`^(?:[A-Z][\p{L}'’-]*(?:ian|ean|ist|ish|ese|ic)|Iraqi|Israeli|Saudi|Yemeni|Qatari|Emirati|Omani|Kuwaiti|Pakistani|Afghan|Arab|Bahraini|Lt|Gen|Col|Maj|Capt|Brig|Sgt|Adm|Cmdr|Cpt|Lieutenant|General|Colonel|Major|Captain|Brigadier|Sergeant|Admiral|Commander|Sheikh|Emir|President|Prime|Minister|Pro|Anti|Military|Islamic|Free|Democratic|National)\.?$`)

// loneHeads are organisation nouns that name nobody on their own: "Party"
// is what is left of a cut name.
var loneHeads = map[string]bool{"party": true, "front": true, "forces": true, "force": true, "movement": true,
	"government": true, "council": true, "command": true, "coalition": true, "alliance": true,
	"administration": true, "ministry": true, "brigade": true, "brigades": true, "battalion": true,
	"regiment": true, "division": true, "corps": true, "legion": true, "group": true, "faction": true,
	"rebels": true, "troops": true, "fighters": true, "units": true, "unit": true, "guard": true, "guards": true}

// groupHeadRE matches the head nouns of organisations: a value containing
// one is a group, not a person.
var groupHeadRE = regexp.MustCompile(`(?i)\b(?:forces?|army|armies|brigades?|battalions?|regiments?|divisions?|corps|legion|front|militias?|government|party|movement|council|command|guards?|units?|groups?|factions?|rebels|troops|fighters|coalition|alliance|administration|ministry|police|navy|air force|hezbollah|jaysh|liwa|katibat|harakat|ahrar|jabhat|tahrir|state of|republic|kingdom|federation|regime)\b`)

// orgHeads counts organisation head nouns that end a unit's name; two in
// one value usually mean extraction joined two names.
var orgHeadRE = regexp.MustCompile(`\b(?:Brigade|Brigades|Battalion|Regiment|Division|Corps|Legion|Front|Army|Movement|Forces|Council)\b`)

// saneValue reports whether a fact's value is fit to be an answer or an
// option for its slot.
func saneValue(f quiz.Fact, v string) bool {
	v = strings.TrimSpace(v)
	if !nameLike(v) {
		return false
	}
	ws := strings.Fields(v)
	if (f.Entity == quiz.EntityPerson || f.Kind == quiz.KindCommander) && (possessiveName(v) || cutAtInitial(v)) {
		return false // "Robert E. Lee's Army", "Thomas J.": not a whole person's name
	}
	if f.Entity == quiz.EntityPerson && len(ws) == 1 && (roleWords[strings.ToLower(strings.TrimSuffix(v, "."))] != "" ||
		loneModifierRE.MatchString(v)) {
		return false // "Minister": a title, not a person
	}
	if len(ws) == 1 && labelWords[strings.ToLower(strings.Trim(v, ":"))] {
		return false // "Other" of "Other Syrian rebels:", "Support:": a label, not a name
	}
	if genericUnitRE.MatchString(v) {
		return false // "Air Force": whose?
	}
	switch f.Kind {
	case quiz.KindBelligerent, quiz.KindUnit, quiz.KindCommander:
		if len(ws) == 1 && (loneModifierRE.MatchString(v) || loneHeads[strings.ToLower(v)]) {
			return false // "Syrian", "Ba'athist", "Lt", "Party"
		}
		if strings.Contains(v, " and ") && pluralHeads[ws[len(ws)-1]] {
			return false // "Hama and Homs groups": a description, not a name
		}
		if vagueOpeners[strings.ToLower(ws[0])] {
			return false // "Elements of other divisions", "Several local Palestinian militias": no name
		}
		if strings.ContainsAny(v, "\"“”") {
			return false // `Province "Army of the Caliphate" elite units`: a fragment around a quoted name
		}
		if strings.IndexAny(v[:1], "0123456789") == 0 {
			return false // "15 rebel units" is a count
		}
		if len(ws) >= 5 && len(orgHeadRE.FindAllString(v, -1)) >= 2 {
			return false // "Jaysh al-Shamal Brigade of Conquest Sham Legion": names joined
		}
		if strings.HasSuffix(v, "'s Army") || strings.HasSuffix(v, "’s Army") {
			return false // "George Meade's Army": a person with a possessive noun
		}
		if !nameEnd(ws[len(ws)-1]) {
			return false // "Aleppo branch", "Qalamoun deputy commander": a role or fragment
		}
	}
	if f.Kind == quiz.KindCommander {
		return personLike(f, v)
	}
	return true
}

// vagueOpeners open a description of forces, not a name.
var vagueOpeners = map[string]bool{"elements": true, "remnants": true, "other": true, "several": true, "some": true,
	"foreign": true,
	"parts":   true, "members": true, "various": true, "many": true, "unidentified": true, "unknown": true}

// labelWords head infobox lists without naming anyone.
var labelWords = map[string]bool{"other": true, "others": true, "support": true, "supported": true, "unknown": true,
	"various": true, "allies": true, "none": true, "etc": true, "several": true, "many": true}

// personLike checks a commander: typed as a person (or untyped), two to
// six words, no organisation noun, capitalised.
func personLike(f quiz.Fact, v string) bool {
	if f.Entity != "" && f.Entity != quiz.EntityPerson {
		return false
	}
	ws := strings.Fields(v)
	if len(ws) < 2 || len(ws) > 6 || groupHeadRE.MatchString(v) {
		return false
	}
	if strings.ToLower(ws[len(ws)-1]) == ws[len(ws)-1] {
		return false // "… deputy commander": a role, not a name
	}
	return true
}

// pluralHeads are head nouns that make a value plural ("Iraqi militias
// were", not "was").
var pluralHeads = map[string]bool{
	"forces": true, "militias": true, "troops": true, "units": true, "fighters": true, "rebels": true,
	"brigades": true, "guards": true, "groups": true, "factions": true, "volunteers": true,
	"mercenaries": true, "battalions": true, "regiments": true, "divisions": true, "militiamen": true,
	"soldiers": true, "insurgents": true, "loyalists": true, "tribes": true, "cells": true, "squadrons": true,
}

// plural reports whether a value reads as plural.
func plural(v string) bool {
	return pluralHeads[strings.ToLower(lastWord(v))]
}

// be picks "was" or "were" by the value's number.
func be(v string) string {
	if plural(v) {
		return "were"
	}
	return "was"
}

// nameEnd reports whether the last word of a group's name can end a name:
// capitalised (after an "al-"/"wal-" particle), a number, or a plural head
// ("Iraqi militias").
func nameEnd(w string) bool {
	if pluralHeads[strings.ToLower(w)] {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 && i <= 3 && strings.ToLower(w[:i]) == w[:i] {
		w = w[i+1:]
	}
	for _, r := range w {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '(' || r == '"'
	}
	return false
}

// possessiveName reports a person's name run into what they own:
// "George G. Meade's Army" is not a person to swap.
func possessiveName(v string) bool {
	return strings.Contains(v, "'s ") || strings.Contains(v, "’s ")
}

// genericUnitRE matches a service name without its country, cut from a
// longer one: "Air Force", "Special Forces".
var genericUnitRE = regexp.MustCompile(`^(?:the )?(?:Air Force|Army|Navy|Special Forces|Police|Military|Marines|Intelligence|Ground Forces|Land Forces|Armed Forces|Militia|Militias)$`)

// cutAtInitial reports a name that ends in an initial: "Thomas J.".
func cutAtInitial(v string) bool {
	w := lastWord(v)
	return len(w) <= 2 && strings.HasSuffix(strings.TrimSpace(v), ".") || len(w) == 1
}

// nameModifiers may open a group's name without being a name themselves:
// "Free Syrian Army" is not "Free" + "Syrian Army".
var nameModifiers = map[string]bool{"free": true, "new": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "greater": true, "national": true, "islamic": true,
	"democratic": true, "revolutionary": true, "popular": true, "united": true, "arab": true, "syrian": true,
	"kurdish": true, "turkish": true, "turkmen": true, "iraqi": true, "iranian": true, "russian": true,
	"lebanese": true, "palestinian": true, "american": true, "british": true, "french": true, "royal": true,
	"special": true, "republican": true, "imperial": true, "confederate": true, "union": true, "federal": true,
	"provisional": true, "supreme": true, "general": true, "first": true, "second": true, "third": true,
	"1st": true, "2nd": true, "3rd": true, "4th": true, "5th": true, "the": true, "al": true}

// joined reports a belligerent or unit that is another known name with
// something run onto it: "Asayish International Freedom Battalion" when
// "International Freedom Battalion" is listed on its own, or "Syrian
// Democratic Forces Asayish" when "Syrian Democratic Forces" is. The
// extractor reads infobox cells without separators; one organisation noun
// in the value is then not enough to notice the join.
func (g *generator) joined(f quiz.Fact, v string) bool {
	if f.Kind != quiz.KindBelligerent && f.Kind != quiz.KindUnit {
		return false
	}
	ws := strings.Fields(v)
	for i := 1; i < len(ws); i++ {
		pre, suf := ws[:i], ws[i:]
		if s := strings.Join(suf, " "); len(suf) >= 2 && g.sideNames[norm(s)] && !genericUnitRE.MatchString(s) && !allModifiers(pre) {
			return true
		}
		if len(pre) >= 2 && g.sideNames[norm(strings.Join(pre, " "))] && upperStart(suf[0]) &&
			!allModifiers(suf) && !strings.HasPrefix(suf[0], "(") {
			return true
		}
	}
	return false
}

func allModifiers(ws []string) bool {
	for _, w := range ws {
		if !nameModifiers[strings.ToLower(strings.Trim(w, ".,"))] {
			return false
		}
	}
	return true
}

// cutName reports a name cut after an initial, whatever its kind: "Chief
// Robert E".
func cutName(v string) bool {
	ws := strings.Fields(v)
	if len(ws) < 2 {
		return false
	}
	w := strings.TrimSuffix(ws[len(ws)-1], ".")
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}
