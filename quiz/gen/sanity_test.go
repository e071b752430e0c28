package gen

import (
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

func TestJoined(t *testing.T) {
	g := &generator{sideNames: map[string]bool{
		norm("International Freedom Battalion"): true, norm("Syrian Democratic Forces"): true,
		norm("Syrian Army"): true, norm("Special Forces"): true,
	}}
	unit := quiz.Fact{Kind: quiz.KindUnit}
	for _, tc := range []struct {
		v    string
		want bool
	}{
		{"Asayish International Freedom Battalion", true},
		{"Syrian Democratic Forces Asayish", true},
		{"Free Syrian Army", false},               // a modifier, not a name
		{"Alparslan Special Forces", false},       // a generic service name is no known name
		{"Syrian Democratic Forces (SDF)", false}, // an acronym in brackets
		{"International Freedom Battalion", false},
	} {
		if got := g.joined(unit, tc.v); got != tc.want {
			t.Errorf("joined(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestTimeOrName(t *testing.T) {
	for _, tc := range []struct {
		s, num string
		want   bool
	}{
		{"At 5:20 pm, Jackson's line surged forward.", "20", true},
		{"At 5:20 pm, Jackson's line surged forward.", "5", true},
		{"The attack began at 10 a.m. on the ridge.", "10", true},
		{"They captured 3000 Apartments, Al-Jamiliya and others.", "3000", true},
		{"The strikes killed 15 Syrian soldiers.", "15", false},
		{"Two airstrikes left 20 fighters dead.", "20", false},
	} {
		i := indexWord(tc.s, tc.num)
		if got := timeOrName(tc.s, i, i+len(tc.num)); got != tc.want {
			t.Errorf("timeOrName(%q, %q) = %v, want %v", tc.s, tc.num, got, tc.want)
		}
	}
}

// indexWord finds num as a whole number in s.
func indexWord(s, num string) int {
	for _, h := range findNumbers(s) {
		if h.text == num {
			return h.start
		}
	}
	return -1
}

func TestPlaceOptions(t *testing.T) {
	fr := &frame{sent: "It borders Turkey's Hatay province to the north.", answer: "Hatay province"}
	fr.blank = [2]int{20, 34}
	if !ownedBlank(fr) {
		t.Errorf("ownedBlank(%q) = false, want true", fr.sent)
	}
	for _, tc := range []struct {
		c, answer string
		want      bool
	}{
		{"northwestern Syria", "Idlib", false},
		{"al-Fouaa", "Idlib", false},
		{"Greater Idlib", "Hama", false},
		{"Raqqa", "Hama", true},
		{"Daraa Governorate", "Aleppo Governorate", true},
		{"Daraa Governorate", "Aleppo", false},
	} {
		if got := sameForm(tc.c, tc.answer); got != tc.want {
			t.Errorf("sameForm(%q, %q) = %v, want %v", tc.c, tc.answer, got, tc.want)
		}
	}
}

func TestStringChecks(t *testing.T) {
	for _, tc := range []struct {
		s                 string
		markup, rel, conn bool
	}{
		{"Rebels entered the city.[12]", true, false, false},
		{"However, by the next day the rebels had left.", false, true, true},
		{"Thenceforth the line held at that point.", false, true, false},
		{"The [very long bracketed aside that runs on and on for more than forty] x", false, false, false},
		{"See https://example.org", true, false, false},
		{"Later that day they withdrew.", false, true, true},
		{"That daylight raid failed.", false, false, false},
	} {
		if got := hasMarkup(tc.s); got != tc.markup {
			t.Errorf("hasMarkup(%q) = %v", tc.s, got)
		}
		if got := hasRelativeDay(tc.s); got != tc.rel {
			t.Errorf("hasRelativeDay(%q) = %v", tc.s, got)
		}
		if got := opensWithConnective(tc.s); got != tc.conn {
			t.Errorf("opensWithConnective(%q) = %v", tc.s, got)
		}
	}
	if !placeholderIn("By what other name is Document known?") || placeholderIn("Which document lists it?") {
		t.Error("placeholderIn")
	}
}

func TestCleanEditorial(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`the SDF secured al-Thaknah, "one of [Raqqa's] most important neighborhoods".[12]`, `the SDF secured al-Thaknah, "one of Raqqa's most important neighborhoods".`},
		{"Rebels entered the city.[a] [ better source needed ]", "Rebels entered the city."},
		{`said: "[...] Where we are`, `said: " Where we are`},
		{"* – Iraqi prime minister Nouri al-Maliki condemned the killings.", "Iraqi prime minister Nouri al-Maliki condemned the killings."},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
