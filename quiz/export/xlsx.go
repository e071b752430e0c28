package export

import (
	"io"
	"strconv"
)

// The OOXML namespaces and relationship types a minimal workbook needs.
const (
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel  = "http://schemas.openxmlformats.org/package/2006/relationships"
	relOffice = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relSheet  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	relSST    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
	ctSheet   = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	ctBook    = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	ctSST     = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)

// writeXLSX writes a one-sheet workbook: the smallest package Excel,
// LibreOffice and spreadsheet libraries open (content types, relationships,
// workbook, sheet, shared strings).
func writeXLSX(w io.Writer, set Set, name string, sh *sheet) error {
	types := el("Types",
		el("Default").at("Extension", "rels", "ContentType", "application/vnd.openxmlformats-package.relationships+xml"),
		el("Default").at("Extension", "xml", "ContentType", "application/xml"),
		el("Override").at("PartName", "/xl/workbook.xml", "ContentType", ctBook),
		el("Override").at("PartName", "/xl/worksheets/sheet1.xml", "ContentType", ctSheet),
		el("Override").at("PartName", "/xl/sharedStrings.xml", "ContentType", ctSST),
	).at("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
	rels := el("Relationships",
		el("Relationship").at("Id", "rId1", "Type", relOffice, "Target", "xl/workbook.xml"),
	).at("xmlns", nsPkgRel)
	book := el("workbook", el("sheets", el("sheet").at("name", name, "sheetId", "1", "r:id", "rId1"))).at(
		"xmlns", nsMain, "xmlns:r", nsRel)
	bookRels := el("Relationships",
		el("Relationship").at("Id", "rId1", "Type", relSheet, "Target", "worksheets/sheet1.xml"),
		el("Relationship").at("Id", "rId2", "Type", relSST, "Target", "sharedStrings.xml"),
	).at("xmlns", nsPkgRel)
	cols := el("cols",
		el("col").at("min", "1", "max", "1", "width", "6", "customWidth", "1"),
		el("col").at("min", "2", "max", "2", "width", "60", "customWidth", "1"),
		el("col").at("min", "3", "max", "8", "width", "25", "customWidth", "1"))
	data := el("sheetData", sh.rows...)
	ws := el("worksheet", cols, data).at("xmlns", nsMain)
	sst := el("sst").at("xmlns", nsMain, "count", strconv.Itoa(len(sh.strings)), "uniqueCount", strconv.Itoa(len(sh.strings)))
	for _, s := range sh.strings {
		sst.add(el("si", tx("t", s).at("xml:space", "preserve")))
	}
	return writeZip(w, set.Time, []zipFile{
		{"[Content_Types].xml", xmlDoc(types, false)},
		{"_rels/.rels", xmlDoc(rels, false)},
		{"xl/workbook.xml", xmlDoc(book, false)},
		{"xl/_rels/workbook.xml.rels", xmlDoc(bookRels, false)},
		{"xl/worksheets/sheet1.xml", xmlDoc(ws, false)},
		{"xl/sharedStrings.xml", xmlDoc(sst, false)},
	})
}
