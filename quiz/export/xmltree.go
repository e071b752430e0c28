package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"time"
)

// node is a small XML tree: the QTI, xlsx and manifest writers build one and
// print it, which reads closer to the target documents than struct tags.
type node struct {
	name  string
	attrs [][2]string
	text  string
	kids  []*node
}

// el makes an element with children.
func el(name string, kids ...*node) *node { return &node{name: name, kids: kids} }

// tx makes an element holding text.
func tx(name, text string) *node { return &node{name: name, text: text} }

// at adds attributes as name, value pairs and returns n.
func (n *node) at(kv ...string) *node {
	for i := 0; i+1 < len(kv); i += 2 {
		n.attrs = append(n.attrs, [2]string{kv[i], kv[i+1]})
	}
	return n
}

// add appends children and returns n.
func (n *node) add(kids ...*node) *node {
	n.kids = append(n.kids, kids...)
	return n
}

// xmlDoc prints root as a UTF-8 document, indented when indent is true.
func xmlDoc(root *node, indent bool) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	root.write(&b, 0, indent)
	b.WriteByte('\n')
	return b.Bytes()
}

func (n *node) write(b *bytes.Buffer, depth int, indent bool) {
	pad := ""
	if indent {
		pad = strings.Repeat("  ", depth)
	}
	b.WriteString(pad + "<" + n.name)
	for _, a := range n.attrs {
		b.WriteString(" " + a[0] + `="`)
		xml.EscapeText(b, []byte(a[1])) //nolint:errcheck // bytes.Buffer does not fail
		b.WriteByte('"')
	}
	switch {
	case len(n.kids) > 0:
		b.WriteByte('>')
		for _, k := range n.kids {
			if indent {
				b.WriteByte('\n')
			}
			k.write(b, depth+1, indent)
		}
		if indent {
			b.WriteString("\n" + pad)
		}
		b.WriteString("</" + n.name + ">")
	case n.text != "":
		b.WriteByte('>')
		xmlText(b, n.text)
		b.WriteString("</" + n.name + ">")
	default:
		b.WriteString("/>")
	}
}

// xmlText escapes element text, keeping line breaks as they are.
func xmlText(b *bytes.Buffer, s string) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		xml.EscapeText(b, []byte(line)) //nolint:errcheck // bytes.Buffer does not fail
	}
}

// zipFile is one file of a zip package.
type zipFile struct {
	name string
	data []byte
}

// zipEpoch dates zip entries when the set has no time, so output is stable.
var zipEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// writeZip writes files as a deflated zip dated t (or zipEpoch).
func writeZip(w io.Writer, t time.Time, files []zipFile) error {
	if t.IsZero() {
		t = zipEpoch
	}
	zw := zip.NewWriter(w)
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: t.UTC()})
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
