package render

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the renderers' output")

// TestGolden compares each renderer's output on the sample article with its
// golden file. Review every diff of a golden file as if it were code.
func TestGolden(t *testing.T) {
	a := loadArticle(t, "sample.json")
	opts := HTMLOptions{Author: "Rédaction d’Exemple", Publisher: "Exemple Média"}
	ld, err := JSONLD(a, opts)
	if err != nil {
		t.Fatal(err)
	}
	frag := opts
	frag.Fragment = true
	outputs := map[string][]byte{
		"sample.md.golden":            Markdown(a),
		"sample.html.golden":          HTML(a, opts),
		"sample.fragment.html.golden": HTML(a, frag),
		"sample.jsonld.golden":        ld,
		"sample.txt.golden":           []byte(PlainText(a)),
	}
	for name, got := range outputs {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/render -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the renderer's output (review, then -update):\n%s", name, firstDiff(want, got))
		}
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d", i+1) + "\nwant: " + string(w) + "\n got: " + string(g)
		}
	}
	return ""
}
