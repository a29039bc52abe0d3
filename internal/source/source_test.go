package source

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadFile(t *testing.T) {
	t.Parallel()
	latin1 := []byte("L'\xe9t\xe9 fut chaud \xe0 Paris, \xab dit-il \xbb. Co\xfbt : 30 \x80.\n")
	tests := []struct {
		name     string
		data     []byte
		format   Format
		charset  string
		contains string
	}{
		{"utf8.txt", []byte("Le piratage de Microsoft Exchange inquiète Washington.\n"), Text, "utf-8", "inquiète"},
		{"bom.txt", []byte("\xef\xbb\xbfBonjour le monde."), Text, "utf-8", "Bonjour"},
		{"legacy.txt", latin1, Text, "windows-1252", "L'été fut chaud à Paris, « dit-il ». Coût : 30 €."},
		{"page.txt", []byte("<!DOCTYPE html><html><head><title>x</title></head><body><p>Bonjour</p></body></html>"), HTML, "utf-8", "<p>Bonjour"},
		{"page.md", []byte("---\ntitle: Essai\n---\n\n# Titre\n\nUn paragraphe."), Markdown, "utf-8", "# Titre"},
		{"utf16.txt", []byte{0xff, 0xfe, 'O', 0, 'u', 0, 'i', 0}, Text, "utf-16le", "Oui"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in, err := Load(context.Background(), writeFile(t, tt.name, tt.data), Options{})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if in.Format != tt.format || in.Charset != tt.charset {
				t.Errorf("format, charset = %s, %s; want %s, %s", in.Format, in.Charset, tt.format, tt.charset)
			}
			if !strings.Contains(in.Text, tt.contains) {
				t.Errorf("text %q does not contain %q", in.Text, tt.contains)
			}
		})
	}
}

func TestLoadRefusals(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := writeFile(t, "big.txt", bytes.Repeat([]byte("mot "), 5<<20+1))
	tests := []struct {
		name   string
		arg    string
		reason string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), "no such file"},
		{"directory", dir, "is a directory"},
		{"empty", writeFile(t, "empty.txt", nil), "input is empty"},
		{"blank", writeFile(t, "blank.txt", []byte(" \n\t \n")), "input is empty"},
		{"binary", writeFile(t, "bin.dat", []byte("PK\x03\x04\x00\x00abc")), "binary data"},
		{"control", writeFile(t, "ctl.dat", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100)), "binary data"},
		{"too large", big, "larger than the 10.0 MB limit"},
		{"ftp", "ftp://example.com/a.txt", `unsupported URL scheme "ftp"`},
		{"file scheme", "file:///etc/passwd", `unsupported URL scheme "file"`},
		{"no input name", "", "empty input name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(context.Background(), tt.arg, Options{})
			if err == nil {
				t.Fatal("Load succeeded; want a refusal")
			}
			if !IsBadInput(err) {
				t.Errorf("error %v is not a bad-input error", err)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("error %q does not say %q", err, tt.reason)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans several lines: %q", err)
			}
		})
	}
}

func TestLoadStdin(t *testing.T) {
	t.Parallel()
	in, err := Load(context.Background(), "-", Options{Stdin: strings.NewReader("Texte collé.")})
	if err != nil || in.Text != "Texte collé." || in.Name != "-" {
		t.Fatalf("Load(-) = %+v, %v", in, err)
	}
	_, err = Load(context.Background(), "-", Options{Stdin: strings.NewReader(strings.Repeat("x", 101)), MaxBytes: 100})
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Fatalf("oversized stdin: err = %v", err)
	}
}

func TestFetch(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><body><p>L'\xe9t\xe9 \xe0 Paris.</p></body></html>"))
	})
	mux.HandleFunc("/meta", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><meta charset="windows-1252"></head><body><p>Co` + "\xfb" + `t : 5 ` + "\x80" + `</p></body></html>`))
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(bytes.Repeat([]byte("a"), 2048))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/loop/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/x"+r.URL.Path[len("/loop/"):], http.StatusFound)
	})
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/toftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	ctx := context.Background()

	in, err := Load(ctx, srv.URL+"/page", Options{})
	if err != nil {
		t.Fatalf("page: %v", err)
	}
	if in.Text != "<html><body><p>L'été à Paris.</p></body></html>" || in.Format != HTML {
		t.Errorf("page decoded as %q (%s)", in.Text, in.Format)
	}
	in, err = Load(ctx, srv.URL+"/meta", Options{})
	if err != nil || !strings.Contains(in.Text, "Coût : 5 €") {
		t.Errorf("meta charset: %v %+v", err, in)
	}
	in, err = Load(ctx, srv.URL+"/hop", Options{})
	if err != nil || in.URL != srv.URL+"/page" {
		t.Errorf("redirect: err %v, final URL %q", err, in.URL)
	}

	refusals := []struct {
		path, reason string
		opts         Options
	}{
		{"/pdf", `unsupported content type "application/pdf"`, Options{}},
		{"/missing", "server answered 404", Options{}},
		{"/big", "larger than the 1.0 kB limit", Options{MaxBytes: 1024}},
		{"/loop/", "more than 5 redirects", Options{}},
		{"/toftp", "unsupported scheme", Options{}},
		{"/slow", "", Options{Client: &http.Client{Timeout: 100 * time.Millisecond}}},
	}
	for _, r := range refusals {
		_, err := Load(ctx, srv.URL+r.path, r.opts)
		if err == nil || !IsBadInput(err) || !strings.Contains(err.Error(), r.reason) {
			t.Errorf("%s: err = %v; want bad input saying %q", r.path, err, r.reason)
		}
	}
	// A port nobody listens on.
	_, err = Load(ctx, "http://127.0.0.1:1/", Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot fetch") {
		t.Errorf("unreachable: err = %v", err)
	}
}

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want Format
	}{
		{"Le texte simple.\n\nUn autre paragraphe.", Text},
		{"<html><body>x</body></html>", HTML},
		{"  <!-- c -->\n<!doctype html><p>x", HTML},
		{"<div><p>Un</p><p>Deux</p><p>Trois</p></div>", HTML},
		{"Il a écrit <p> dans son texte, par erreur, au milieu d'une longue phrase ordinaire qui parle d'autre chose.", Text},
		{"# Titre\n\nUn paragraphe avec un [lien](https://exemple.fr).", Markdown},
		{"---\ntitle: x\n---\nCorps", Markdown},
		{"Que savons-nous du piratage?\n\nLe PDG de Microsoft.", Text},
		{"- un\n- deux\n- trois\n- quatre", Markdown},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %s; want %s", tt.text, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"a/b/003_x.txt": "003_x", "page.html": "page", "noext": "noext", "-": "-"} {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q; want %q", in, got, want)
		}
	}
}

func FuzzFromBytes(f *testing.F) {
	f.Add([]byte("Bonjour"), "")
	f.Add([]byte("<html><body><p>x</p></body></html>"), "text/html; charset=latin1")
	f.Add([]byte{0xff, 0xfe, 0, 0}, "")
	f.Add([]byte("\xe9t\xe9"), "text/plain; charset=bogus")
	f.Fuzz(func(t *testing.T, data []byte, ct string) {
		in, err := FromBytes("fuzz", data, ct)
		if err != nil {
			if !IsBadInput(err) {
				t.Fatalf("unexpected error type %T", err)
			}
			return
		}
		if !utf8.ValidString(in.Text) || in.Format == "" {
			t.Fatal("missing format")
		}
	})
}
