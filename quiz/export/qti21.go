package export

import (
	"fmt"
	"io"

	"github.com/factdeck/factdeck/quiz"
)

const (
	qti21NS     = "http://www.imsglobal.org/xsd/imsqti_v2p1"
	qti21Schema = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
	imscpNS     = "http://www.imsglobal.org/xsd/imscp_v1p1"
)

// QTI21 writes an IMS content package of QTI 2.1 items: imsmanifest.xml and
// one assessmentItem file a card. Multiple choice and true/false are
// choiceInteractions, typed and cloze cards textEntryInteractions with every
// alias mapped to full marks, match cards matchInteractions and order cards
// orderInteractions, each scored by a standard response-processing template.
func QTI21(w io.Writer, set Set) error {
	manifest := el("resources")
	files := []zipFile{{name: "imsmanifest.xml"}}
	for _, c := range set.Cards {
		id := ident("item", c.ID)
		href := "items/" + id + ".xml"
		files = append(files, zipFile{href, xmlDoc(qti21Item(id, c), true)})
		manifest.add(el("resource", el("file").at("href", href)).at(
			"identifier", "res"+id, "type", "imsqti_item_xmlv2p1", "href", href))
	}
	root := el("manifest",
		el("metadata", tx("schema", "QTIv2.1 Package"), tx("schemaversion", "1.0.0")),
		el("organizations"),
		manifest,
	).at("identifier", ident("m", "qti21:"+set.Name), "xmlns", imscpNS)
	files[0].data = xmlDoc(root, true)
	return writeZip(w, set.Time, files)
}

// qti21Item is one assessmentItem.
func qti21Item(id string, c quiz.Card) *node {
	decl, body, template := qti21Body(c)
	item := el("assessmentItem").at(
		"xmlns", qti21NS, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", qti21Schema,
		"identifier", id, "title", truncate(c.Topic+": "+c.Prompt, 200),
		"adaptive", "false", "timeDependent", "false")
	item.add(decl,
		el("outcomeDeclaration", el("defaultValue", tx("value", "0"))).at(
			"identifier", "SCORE", "cardinality", "single", "baseType", "float"),
		el("itemBody", body...),
		el("responseProcessing").at("template", "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"+template),
	)
	return item
}

// qti21Body returns the response declaration, the item body and the
// response-processing template of a card.
func qti21Body(c quiz.Card) (*node, []*node, string) {
	decl := el("responseDeclaration").at("identifier", "RESPONSE")
	prompt := tx("prompt", c.Prompt)
	switch c.Kind {
	case quiz.CardMCQ, quiz.CardTrueFalse:
		decl.at("cardinality", "single", "baseType", "identifier")
		decl.add(el("correctResponse", tx("value", fmt.Sprintf("C%d", c.Correct))))
		in := el("choiceInteraction", prompt).at("responseIdentifier", "RESPONSE", "shuffle", "false", "maxChoices", "1")
		for i, ch := range c.Choices {
			in.add(tx("simpleChoice", ch).at("identifier", fmt.Sprintf("C%d", i)))
		}
		return decl, []*node{in}, "match_correct"
	case quiz.CardOrder:
		decl.at("cardinality", "ordered", "baseType", "identifier")
		want := el("correctResponse")
		in := el("orderInteraction", prompt).at("responseIdentifier", "RESPONSE", "shuffle", "true")
		for i, it := range c.Items {
			want.add(tx("value", fmt.Sprintf("E%d", i)))
			in.add(tx("simpleChoice", it.Left).at("identifier", fmt.Sprintf("E%d", i)))
		}
		decl.add(want)
		return decl, []*node{in}, "match_correct"
	case quiz.CardMatch:
		return qti21Match(decl, prompt, c)
	}
	decl.at("cardinality", "single", "baseType", "string")
	decl.add(el("correctResponse", tx("value", c.Answer)))
	mapping := el("mapping").at("defaultValue", "0")
	for _, a := range accepted(c) {
		mapping.add(el("mapEntry").at("mapKey", a, "mappedValue", "1", "caseSensitive", "false"))
	}
	decl.add(mapping)
	entry := el("textEntryInteraction").at("responseIdentifier", "RESPONSE", "expectedLength", fmt.Sprint(len([]rune(c.Answer))+5))
	return decl, []*node{tx("p", c.Prompt), el("p", entry)}, "map_response"
}

// qti21Match is a matchInteraction: left sides in one set, right sides in
// the other, each pair worth an equal share.
func qti21Match(decl, prompt *node, c quiz.Card) (*node, []*node, string) {
	decl.at("cardinality", "multiple", "baseType", "directedPair")
	want := el("correctResponse")
	mapping := el("mapping").at("defaultValue", "0", "lowerBound", "0", "upperBound", "1")
	left := el("simpleMatchSet")
	right := el("simpleMatchSet")
	share := fmt.Sprintf("%.4f", 1/float64(max(len(c.Items), 1)))
	for i, it := range c.Items {
		pair := fmt.Sprintf("L%d R%d", i, i)
		want.add(tx("value", pair))
		mapping.add(el("mapEntry").at("mapKey", pair, "mappedValue", share))
		left.add(tx("simpleAssociableChoice", it.Left).at("identifier", fmt.Sprintf("L%d", i), "matchMax", "1"))
		right.add(tx("simpleAssociableChoice", it.Right).at("identifier", fmt.Sprintf("R%d", i), "matchMax", "1"))
	}
	decl.add(want, mapping)
	in := el("matchInteraction", prompt, left, right).at(
		"responseIdentifier", "RESPONSE", "shuffle", "true", "maxAssociations", fmt.Sprint(len(c.Items)))
	return decl, []*node{in}, "map_response"
}
