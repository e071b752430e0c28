package facts

import (
	"slices"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

// TestPlacesOfOtherEvents checks that a lead's location facts are where the
// topic happened, not where another event was planned, happened before, or
// where a party the lead has not named acted; and that a place of the topic
// in the same kind of sentence is still read. The texts are made up.
func TestPlacesOfOtherEvents(t *testing.T) {
	tests := []struct {
		name      string
		doc       string
		want, not []string
	}{
		{"planned offensive",
			"The Kessel offensive was an army offensive near Brandt. Its objective was to prepare a planned offensive against rebel units in Marlow City.\n",
			[]string{"Brandt"}, []string{"Marlow City"}},
		{"goal of the topic itself",
			"The Kessel offensive was an army offensive near Brandt. Its intended goal was to capture the suburbs of Tarn and Vell.\n",
			[]string{"Brandt", "Tarn", "Vell"}, nil},
		{"earlier event in an opening adjunct",
			"The Battle of Ostry was fought in Dale County. After being beaten at Pellam near Fort Rusk in May, the Northern army retreated through Dale County.\n",
			[]string{"Dale County"}, []string{"Pellam", "Fort Rusk"}},
		{"place of another named battle",
			"The Battle of Ostry started ten days after the Battle of Vinn, where the army took the town of Sorrel.\n",
			nil, []string{"Sorrel"}},
		{"third party in a coordinate clause",
			"The Kessel offensive was launched by the Northern Army against rebels in Brandt. The offensive came after a pause, and the Varian Air Force again bombed rebel positions throughout southern Telmar.\n",
			[]string{"Brandt"}, []string{"southern Telmar", "Telmar"}},
		{"a party of the topic in a coordinate clause",
			"The Kessel offensive was launched by the Northern Army against rebels in Brandt. The offensive began at dawn, and the Northern Army attacked rebel positions around Fennick.\n",
			[]string{"Brandt", "Fennick"}, nil},
		{"prevented movement",
			"The Battle of Ostry was fought in Dale County. Its purpose was to prevent settlers from fleeing to the protection of the army in Carrow.\n",
			[]string{"Dale County"}, []string{"Carrow"}},
		{"rank is no place",
			"The Battle of Ostry was the first battle in Lt. Gen. Pell Dorran's campaign in Dale County.\n",
			[]string{"Dale County"}, []string{"Lt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := locations(t, tt.doc)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("location %q missing; got %q", w, got)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("location %q read from another event; got %q", n, got)
				}
			}
		})
	}
}

// TestPlaceFromEventName checks that an event named after a place gets that
// place when its lead names none, and only then.
func TestPlaceFromEventName(t *testing.T) {
	got := locations(t, "The 2031 Korvel offensive was an operation launched by rebel groups. The offensive ended with the city captured.\n")
	if !slices.Equal(got, []string{"Korvel"}) {
		t.Errorf("got %q, want [Korvel]", got)
	}
	got = locations(t, "The Battle of Korvel was fought in the hills south of Tolk.\n")
	if slices.Contains(got, "Korvel") || !slices.Contains(got, "Tolk") {
		t.Errorf("got %q, want Tolk and no place from the name", got)
	}
	got = locations(t, "The Korvel Tigers offensive was an operation launched by rebel groups.\n")
	if len(got) != 0 {
		t.Errorf("got %q from a name that goes on after its first word", got)
	}
}

// locations returns the values of the location facts of doc.
func locations(t *testing.T, doc string) []string {
	t.Helper()
	x, err := Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, doc, x)
	var out []string
	for _, f := range x.Facts {
		if f.Kind == quiz.KindLocation {
			out = append(out, f.Value)
		}
	}
	return out
}
