package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/factdeck/factdeck/quiz"
)

const qti12NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"

// QTI12 writes a Canvas "QTI .zip": imsmanifest.xml, the assessment as QTI
// 1.2 with Canvas's question types and item metadata, and Canvas's
// assessment_meta.xml, laid out as Canvas's own exports are. Multiple choice
// → multiple_choice_question, true/false → true_false_question, typed and
// cloze → short_answer_question (every alias accepted), match →
// matching_question; classic Canvas quizzes have no ordering question, so an
// order card is a matching_question of events to positions (1st, 2nd, …).
func QTI12(w io.Writer, set Set) error {
	id := ident("g", "assessment:"+set.Name)
	meta := ident("g", "meta:"+set.Name)
	files := []zipFile{
		{"imsmanifest.xml", xmlDoc(qti12Manifest(id, meta), true)},
		{id + "/" + id + ".xml", xmlDoc(qti12Assessment(id, set), true)},
		{id + "/assessment_meta.xml", xmlDoc(canvasMeta(id, set), true)},
	}
	return writeZip(w, set.Time, files)
}

// qti12Manifest lists the assessment and its Canvas metadata.
func qti12Manifest(id, meta string) *node {
	return el("manifest",
		el("metadata", tx("schema", "IMS Content"), tx("schemaversion", "1.1.3")),
		el("organizations"),
		el("resources",
			el("resource", el("file").at("href", id+"/"+id+".xml"),
				el("dependency").at("identifierref", meta)).at("identifier", id, "type", "imsqti_xmlv1p2"),
			el("resource", el("file").at("href", id+"/assessment_meta.xml")).at(
				"identifier", meta, "type", "associatedcontent/imscc_xmlv1p1/learning-application-resource",
				"href", id+"/assessment_meta.xml"),
		),
	).at("identifier", ident("m", id), "xmlns", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1")
}

// canvasMeta is Canvas's quiz settings file.
func canvasMeta(id string, set Set) *node {
	title := set.Name
	if title == "" {
		title = "factdeck"
	}
	return el("quiz",
		tx("title", title),
		tx("description", htmlLines(set.Description)),
		tx("shuffle_answers", "true"),
		tx("scoring_policy", "keep_highest"),
		tx("quiz_type", "assignment"),
		tx("points_possible", fmt.Sprintf("%d.0", len(set.Cards))),
		tx("allowed_attempts", "1"),
		tx("show_correct_answers", "true"),
		el("assignment", tx("title", title)).at("identifier", id+"_assignment"),
	).at("identifier", id, "xmlns", "http://canvas.instructure.com/xsd/cccv1p0")
}

// qti12Assessment is the QTI document: one section holding every item.
func qti12Assessment(id string, set Set) *node {
	section := el("section").at("ident", "root_section")
	for i, c := range set.Cards {
		section.add(qti12Item(i+1, c))
	}
	title := set.Name
	if title == "" {
		title = "factdeck"
	}
	return el("questestinterop",
		el("assessment",
			el("qtimetadata", metaField("cc_maxattempts", "1")),
			section,
		).at("ident", id, "title", title),
	).at("xmlns", qti12NS)
}

// metaField is one <qtimetadatafield>.
func metaField(label, entry string) *node {
	return el("qtimetadatafield", tx("fieldlabel", label), tx("fieldentry", entry))
}

// mat is a <material> with one <mattext>, HTML when html is true.
func mat(s string, html bool) *node {
	t := tx("mattext", s)
	if html {
		t.at("texttype", "text/html")
	} else {
		t.at("texttype", "text/plain")
	}
	return el("material", t)
}

// qti12Item maps one card to a Canvas item.
func qti12Item(n int, c quiz.Card) *node {
	qtype, pres, proc := qti12Body(c)
	item := el("item",
		el("itemmetadata", el("qtimetadata",
			metaField("question_type", qtype),
			metaField("points_possible", "1.0"),
			metaField("assessment_question_identifierref", ident("q", "question:"+c.ID)),
		)),
		pres, proc,
	).at("ident", ident("i", c.ID), "title", fmt.Sprintf("Question %d", n))
	if fb := sourceLine(c); c.Explanation != "" || fb != "" {
		// Canvas shows general feedback from a first, always-true condition.
		general := el("respcondition",
			el("conditionvar", el("other")),
			tx("displayfeedback", "").at("feedbacktype", "Response", "linkrefid", "general_fb")).at("continue", "Yes")
		proc.kids = append(proc.kids[:1], append([]*node{general}, proc.kids[1:]...)...)
		item.add(el("itemfeedback", el("flow_mat", mat(htmlLines(c.Explanation+"\n"+fb), true))).at("ident", "general_fb"))
	}
	return item
}

// qti12Body returns the Canvas question type, presentation and response
// processing of a card.
func qti12Body(c quiz.Card) (string, *node, *node) {
	prompt := mat("<div><p>"+htmlLines(c.Prompt)+"</p></div>", true)
	switch c.Kind {
	case quiz.CardMCQ, quiz.CardTrueFalse:
		qtype := "multiple_choice_question"
		if c.Kind == quiz.CardTrueFalse {
			qtype = "true_false_question"
		}
		choice := el("render_choice")
		for i, ch := range c.Choices {
			choice.add(el("response_label", mat(ch, false)).at("ident", choiceIdent(i)))
		}
		pres := el("presentation", prompt, el("response_lid", choice).at("ident", "response1", "rcardinality", "Single"))
		return qtype, pres, scoreIf(el("conditionvar", tx("varequal", choiceIdent(c.Correct)).at("respident", "response1")))
	case quiz.CardMatch, quiz.CardOrder:
		ps, _ := pairs(c)
		pres, proc := qti12Matching(prompt, ps)
		return "matching_question", pres, proc
	}
	fib := el("render_fib", el("response_label").at("ident", "answer1", "rshuffle", "No"))
	pres := el("presentation", prompt, el("response_str", fib).at("ident", "response1", "rcardinality", "Single"))
	cond := el("conditionvar")
	for _, a := range accepted(c) {
		cond.add(tx("varequal", a).at("respident", "response1"))
	}
	return "short_answer_question", pres, scoreIf(cond)
}

// choiceIdent names choice i; Canvas uses numbers.
func choiceIdent(i int) string { return strconv.Itoa(1000 + i) }

// scoreIf is the resprocessing that gives full marks when cond holds.
func scoreIf(cond *node) *node {
	return el("resprocessing",
		el("outcomes", tx("decvar", "").at("maxvalue", "100", "minvalue", "0", "varname", "SCORE", "vartype", "Decimal")),
		el("respcondition", cond, tx("setvar", "100").at("action", "Set", "varname", "SCORE")).at("continue", "No"),
	)
}

// qti12Matching lays out a Canvas matching question: one response_lid per
// left side, each offering every right side; each right pair adds its share.
func qti12Matching(prompt *node, ps []quiz.Item) (*node, *node) {
	pres := el("presentation", prompt)
	proc := el("resprocessing",
		el("outcomes", tx("decvar", "").at("maxvalue", "100", "minvalue", "0", "varname", "SCORE", "vartype", "Decimal")))
	share := strconv.FormatFloat(100/float64(max(len(ps), 1)), 'f', 2, 64)
	rights := map[string]string{}
	var order []string
	for _, p := range ps {
		if _, ok := rights[p.Right]; !ok {
			rights[p.Right] = strconv.Itoa(2000 + len(order))
			order = append(order, p.Right)
		}
	}
	for i, p := range ps {
		choice := el("render_choice")
		for _, r := range order {
			choice.add(el("response_label", mat(r, false)).at("ident", rights[r]))
		}
		rid := "response_" + strconv.Itoa(3000+i)
		pres.add(el("response_lid", mat(p.Left, false), choice).at("ident", rid))
		proc.add(el("respcondition",
			el("conditionvar", tx("varequal", rights[p.Right]).at("respident", rid)),
			tx("setvar", share).at("varname", "SCORE", "action", "Add")))
	}
	return pres, proc
}
