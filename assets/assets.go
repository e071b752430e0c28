// Package assets embeds factdeck's CSS and JavaScript and serves them under
// content-hashed URLs, so browsers may cache them forever: a changed file
// gets a new URL.
package assets

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed css js
var files embed.FS

// Prefix is where the handler is mounted.
const Prefix = "/assets/"

type asset struct {
	body  []byte
	ctype string
}

// Set is the embedded assets indexed by name and by hashed name.
type Set struct {
	byName   map[string]string // "css/app.css" -> "css/app.3f2a9c1b.css"
	byHashed map[string]asset
}

// Load reads the embedded files and computes their hashed names.
func Load() *Set {
	s := &Set{byName: map[string]string{}, byHashed: map[string]asset{}}
	_ = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		ext := path.Ext(p)
		hashed := strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:])[:12] + ext
		s.byName[p] = hashed
		s.byHashed[hashed] = asset{body: body, ctype: mime.TypeByExtension(ext)}
		return nil
	})
	return s
}

// URL returns the content-hashed URL of an asset such as "css/app.css".
// An unknown name panics: it is a programming error caught by any test that
// renders the layout.
func (s *Set) URL(name string) string {
	h, ok := s.byName[name]
	if !ok {
		panic("assets: unknown asset " + name)
	}
	return Prefix + h
}

// ServeHTTP serves a hashed asset with immutable caching; unknown names 404.
func (s *Set) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a, ok := s.byHashed[strings.TrimPrefix(r.URL.Path, Prefix)]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	if a.ctype != "" {
		w.Header().Set("Content-Type", a.ctype)
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
