package export

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// unzipTo writes every file of a zip export into a new directory.
func unzipTo(t *testing.T, path string) (string, []string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("open zip: %v", err)
	}
	defer zr.Close()
	dir := t.TempDir()
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
	}
	return dir, names
}

// xmllint validates files with the given xmllint arguments.
func xmllint(t *testing.T, args []string, files ...string) {
	t.Helper()
	needTool(t, "xmllint")
	cmd := exec.Command("xmllint", append(append([]string{"--nonet", "--noout"}, args...), files...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xmllint %s: %v\n%s", strings.Join(args, " "), err, truncate(string(out), 3000))
	}
}

// TestQTI12ValidatesAgainstDTD validates the Canvas assessment against the
// IMS QTI 1.2.1 DTD and checks the package has what Canvas exports have.
func TestQTI12ValidatesAgainstDTD(t *testing.T) {
	dtd, _ := filepath.Abs("testdata/schemas/qti12/qti12-ns.dtd")
	for _, set := range allSets(t) {
		t.Run(set.Name, func(t *testing.T) {
			dir, names := unzipTo(t, exportFile(t, "qti12", set, "set"))
			var qti []string
			for _, n := range names {
				if strings.HasSuffix(n, ".xml") && n != "imsmanifest.xml" && !strings.HasSuffix(n, "assessment_meta.xml") {
					qti = append(qti, filepath.Join(dir, n))
				}
			}
			if len(qti) != 1 || len(names) != 3 {
				t.Fatalf("zip holds %v, want manifest, one assessment and assessment_meta.xml", names)
			}
			xmllint(t, []string{"--dtdvalid", dtd}, qti...)
			xmllint(t, nil, filepath.Join(dir, "imsmanifest.xml"))
			b, _ := os.ReadFile(qti[0])
			if got := strings.Count(string(b), "<item "); got != len(set.Cards) {
				t.Errorf("%d items, want %d", got, len(set.Cards))
			}
			for _, qt := range []string{"multiple_choice_question", "true_false_question", "short_answer_question", "matching_question"} {
				if set.Name == handSet().Name && !strings.Contains(string(b), qt) {
					t.Errorf("no %s", qt)
				}
			}
		})
	}
}

// TestQTI12DTDCanFail makes sure the DTD check can fail.
func TestQTI12DTDCanFail(t *testing.T) {
	needTool(t, "xmllint")
	dtd, _ := filepath.Abs("testdata/schemas/qti12/qti12-ns.dtd")
	p := filepath.Join(t.TempDir(), "bad.xml")
	bad := `<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2"><item ident="a"><presentation/></item></questestinterop>`
	os.WriteFile(p, []byte(bad), 0o644)
	if err := exec.Command("xmllint", "--nonet", "--noout", "--dtdvalid", dtd, p).Run(); err == nil {
		t.Fatal("xmllint accepted an invalid item")
	}
}

// TestQTI21ValidatesAgainstXSD validates every item against the QTI 2.1 XSD
// and the manifest against the IMS Content Packaging XSD.
func TestQTI21ValidatesAgainstXSD(t *testing.T) {
	xsd, _ := filepath.Abs("testdata/schemas/qtisdk/qtiv2p1/imsqti_v2p1.xsd")
	cp, _ := filepath.Abs("testdata/schemas/qtisdk/imscp_v1p1.xsd")
	for _, set := range allSets(t) {
		t.Run(set.Name, func(t *testing.T) {
			dir, names := unzipTo(t, exportFile(t, "qti21", set, "set"))
			var items []string
			for _, n := range names {
				if strings.HasPrefix(n, "items/") {
					items = append(items, filepath.Join(dir, n))
				}
			}
			if len(items) != len(set.Cards) {
				t.Fatalf("%d items, want %d", len(items), len(set.Cards))
			}
			xmllint(t, []string{"--schema", xsd}, items...)
			xmllint(t, []string{"--schema", cp}, filepath.Join(dir, "imsmanifest.xml"))
		})
	}
}
