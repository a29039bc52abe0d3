package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/fr/pos"
)

func TestRunTrainsAndReports(t *testing.T) {
	out := filepath.Join(t.TempDir(), "model.bin")
	var stdout bytes.Buffer
	err := run([]string{"-ud", "testdata/ud", "-out", out, "-epochs", "3", "-lexicon=false", "-confusions", "2"}, &stdout)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"trained on 12 sentences", "fr_sequoia-ud-test.conllu", "fr_gsd-ud-test.conllu", "surface"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := pos.Load(data, nil, nil)
	if err != nil {
		t.Fatalf("written model does not load: %v", err)
	}
	if got := tg.Tag([]string{"Le", "chat", "dort", "."}); strings.Join(got, " ") != "DET NOUN VERB PUNCT" {
		t.Errorf("trained model tags %v", got)
	}
}

func TestRunCrossValidates(t *testing.T) {
	var stdout bytes.Buffer
	errs := filepath.Join(t.TempDir(), "errors.txt")
	err := run([]string{"-ud", "testdata/ud", "-cv", "-bidi", "-epochs", "2", "-runs", "1", "-lexicon=false", "-errors", errs}, &stdout)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"fold 0", "fold 4", "cv gsd-dev held-out", "sequoia dev"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	if strings.Contains(stdout.String(), "test.conllu") {
		t.Errorf("cross-validation reported a test set:\n%s", stdout.String())
	}
	if _, err := os.Stat(errs); err != nil {
		t.Errorf("error log not written: %v", err)
	}
}

func TestRunErrors(t *testing.T) {
	for name, args := range map[string][]string{
		"missing dir": {"-ud", filepath.Join(t.TempDir(), "none")},
		"bad flag":    {"-nope"},
	} {
		if err := run(args, &bytes.Buffer{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
