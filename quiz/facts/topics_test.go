package facts

import "testing"

// TestMainTopicFallback checks the main topic of documents without a title
// row: never "Document" when the text names its subject.
func TestMainTopicFallback(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"lead subject before an aside", "The Battle of Tabqa, part of the Raqqa campaign, resulted from an SDF operation in March 2017.\nThe SDF captured the dam on 10 May 2017.\n", "Battle of Tabqa"},
		{"lead subject with a date in parentheses", "The Battle of Bentonville (March 19–21, 1865) was fought in Johnston County, North Carolina.\n", "Battle of Bentonville"},
		{"lower-case event head", "The capture of New Orleans (April 25 – May 1, 1862) during the American Civil War was a turning point.\n", "Capture of New Orleans"},
		{"second name joined by or", "The Second Battle of Bull Run or Battle of Second Manassas was fought August 28–30, 1862, in Virginia.\n", "Second Battle of Bull Run"},
		{"pronunciation dropped", "The Battle of Antietam ( an-TEE-təm), also called the Battle of Sharpsburg, took place on September 17, 1862.\n", "Battle of Antietam"},
		{"heading first", "Siege of Kobani\n\nOn 13 September 2014, ISIL launched an offensive on the town.\n", "Siege of Kobani"},
		{"nothing named", "In February 1864, the commander launched an expedition into Florida.\n", "Document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := Extract(tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			checkOffsets(t, tt.doc, x)
			if x.Title != tt.want {
				t.Errorf("title %q, want %q", x.Title, tt.want)
			}
		})
	}
}

// TestHeadingLikeSentenceNoTopic checks that a sentence opening with a
// common noun phrase ("Probing attacks took place …") opens no topic.
func TestHeadingLikeSentenceNoTopic(t *testing.T) {
	doc := "Battle of Tabqa\n| Date | 22 March – 10 May 2017 |\n\nThe battle was fought near the dam.\n\nProbing attacks took place in January 2017, when U.S. special forces crossed the Euphrates.\n"
	x, err := Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range x.Topics {
		if tp.Name == "Probing attacks" {
			t.Errorf("topic %q opened by a heading-like sentence", tp.Name)
		}
	}
}

// TestDateWithoutEventDropped checks that a date whose event is not found
// gives no fact, and that a date in a comma-less relative clause with no
// event verb does not date the main verb.
func TestDateWithoutEventDropped(t *testing.T) {
	doc := "Clashes began after the start of an operation against cells that have been active since 2018.\nHowever, all efforts failed, leading to the group joining HTS in 2017.\n"
	x, err := Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range x.Facts {
		if f.Kind == "date" && (f.Event == "" || f.Event == "began") {
			t.Errorf("date fact %q with event %q", f.Value, f.Event)
		}
	}
}
