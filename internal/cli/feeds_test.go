package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An RSS feed's items are fetched and stored like URLs; the same feed
// again stores nothing new.
func TestIngestFeed(t *testing.T) {
	t.Parallel()
	seed := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Cyber</title><link>` + srv.URL + `/</link><description>d</description>
<item><title>Midnight Blizzard</title><link>` + srv.URL + `/a/003</link></item>
<item><title>Storm-0558</title><link>` + srv.URL + `/a/004</link></item>
<item><title>Sans lien</title><description>Rien</description></item>
</channel></rss>`))
	})
	mux.HandleFunc("/a/003", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(seed("003_42884da85b922804.txt"))
	})
	mux.HandleFunc("/a/004", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(seed("004_1ac107a302d2e3f1.txt"))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	db := filepath.Join(t.TempDir(), "plume.db")
	r := run(t, "", "ingest", "--db", db, srv.URL+"/feed.xml")
	if !strings.Contains(r.stdout, "2 new, 0 already stored, 1 refused") || !strings.Contains(r.stderr, `"Sans lien" has no http(s) link`) {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, "", "ingest", "--db", db, srv.URL+"/feed.xml")
	if !strings.Contains(r.stdout, "0 new, 2 already stored") {
		t.Errorf("second ingest:\n%s%s", r.stdout, r.stderr)
	}
	r = run(t, "", "stories", "--db", db)
	if r.code != ExitOK || strings.Count(r.stdout, "story ") != 2 {
		t.Errorf("stories:\n%s%s", r.stdout, r.stderr)
	}
}
