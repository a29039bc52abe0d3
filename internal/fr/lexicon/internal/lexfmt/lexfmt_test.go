package lexfmt

import (
	"bytes"
	"compress/flate"
	"errors"
	"slices"
	"strings"
	"testing"
)

func sample() []Entry {
	return []Entry{
		{"touchées", []Analysis{{"toucher", "VERB|Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part"}, {"touché", "ADJ|Gender=Fem|Number=Plur"}}},
		{"organisations", []Analysis{{"organisation", "NOUN|Gender=Fem|Number=Plur"}}},
		{"organisation", []Analysis{{"organisation", "NOUN|Gender=Fem|Number=Sing"}}},
		{"a", []Analysis{{"avoir", "VERB"}, {"avoir", "AUX"}, {"a", "NOUN"}}},
		{"l'", []Analysis{{"le", "DET"}}},
		// A repeated form with a repeated analysis: merged and de-duplicated.
		{"a", []Analysis{{"avoir", "VERB"}}},
		{"anticonstitutionnellement", []Analysis{{"anticonstitutionnellement", "ADV"}}},
	}
}

func encode(t testing.TB, entries []Entry) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, entries); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return b.Bytes()
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	tb, err := Decode(encode(t, sample()))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	got := map[string][]Analysis{}
	for i := range tb.NForms {
		for a := tb.AnaStart[i]; a < tb.AnaStart[i+1]; a++ {
			got[tb.String(i)] = append(got[tb.String(i)], Analysis{tb.String(int(tb.Lemma[a])), tb.Tags[tb.Tag[a]]})
		}
	}
	want := map[string][]Analysis{}
	for _, e := range sample() {
		for _, a := range e.Analyses {
			if !slices.Contains(want[e.Form], a) {
				want[e.Form] = append(want[e.Form], a)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("decoded %d forms, want %d", len(got), len(want))
	}
	for f, as := range want {
		if len(got[f]) != len(as) {
			t.Errorf("%s: got %v, want %v", f, got[f], as)
		}
		for _, a := range as {
			if !slices.Contains(got[f], a) {
				t.Errorf("%s: missing %v in %v", f, a, got[f])
			}
		}
	}
	// Forms sorted, lemmas not among forms come after them.
	for i := 1; i < tb.NForms; i++ {
		if tb.String(i-1) >= tb.String(i) {
			t.Errorf("forms not sorted: %q ≥ %q", tb.String(i-1), tb.String(i))
		}
	}
	extras := []string{}
	for i := tb.NForms; i < len(tb.Offsets)-1; i++ {
		extras = append(extras, tb.String(i))
	}
	if !slices.Equal(extras, []string{"avoir", "le", "toucher", "touché"}) {
		t.Errorf("extra lemmas = %q", extras)
	}
}

func TestEncodeDeterministic(t *testing.T) {
	t.Parallel()
	a := encode(t, sample())
	rev := sample()
	slices.Reverse(rev)
	if b := encode(t, rev); !bytes.Equal(a, b) {
		t.Error("encoding depends on input order")
	}
}

func TestEncodeRejects(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := Encode(&b, []Entry{{"", nil}}); err == nil {
		t.Error("empty form accepted")
	}
	if err := Encode(&b, []Entry{{"x", []Analysis{{"", "X"}}}}); err == nil {
		t.Error("empty lemma accepted")
	}
}

func TestDecodeCorrupt(t *testing.T) {
	t.Parallel()
	good := encode(t, sample())
	cases := map[string][]byte{
		"empty":     nil,
		"bad magic": append([]byte("NOTALEX1\n"), good[len(Magic):]...),
		"truncated": good[:len(good)/2],
		"header":    good[:len(Magic)+1],
		"huge body": append([]byte(Magic), 0xff, 0xff, 0xff, 0xff, 0x7f),
	}
	for name, data := range cases {
		if _, err := Decode(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// A well-compressed body with wrong contents reports ErrFormat.
	var b bytes.Buffer
	b.WriteString(Magic)
	b.WriteByte(3)
	_, err := Decode(append(b.Bytes(), flateOf(t, []byte{1, 2, 200})...))
	if !errors.Is(err, ErrFormat) {
		t.Errorf("bad body: err = %v, want ErrFormat", err)
	}
}

func flateOf(t testing.TB, body []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := newFlate(t, &b)
	if _, err := w.Write(body); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func FuzzDecode(f *testing.F) {
	good := encode(f, sample())
	f.Add(good)
	f.Add(good[:len(good)-3])
	f.Add([]byte(Magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := Decode(data)
		if err != nil {
			return
		}
		// Whatever decodes must be internally consistent.
		for i := range len(tb.Offsets) - 1 {
			_ = tb.String(i)
		}
		for i := range tb.Lemma {
			_ = tb.String(int(tb.Lemma[i]))
			_ = tb.Tags[tb.Tag[i]]
		}
	})
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("touchées", "toucher", "VERB")
	f.Add("l'", "le", "DET|Number=Sing")
	f.Fuzz(func(t *testing.T, form, lemma, tag string) {
		if form == "" || lemma == "" {
			return
		}
		entries := append(sample(), Entry{form, []Analysis{{lemma, tag}}})
		var b bytes.Buffer
		if err := Encode(&b, entries); err != nil {
			t.Fatal(err)
		}
		tb, err := Decode(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for i := range tb.NForms {
			if tb.String(i) != form {
				continue
			}
			for a := tb.AnaStart[i]; a < tb.AnaStart[i+1]; a++ {
				if tb.String(int(tb.Lemma[a])) == lemma && tb.Tags[tb.Tag[a]] == tag {
					return
				}
			}
		}
		t.Errorf("%q %q %q lost; forms %q", form, lemma, tag, strings.Join(formsOf(tb), ","))
	})
}

func formsOf(tb *Table) []string {
	var out []string
	for i := range tb.NForms {
		out = append(out, tb.String(i))
	}
	return out
}

func newFlate(t testing.TB, b *bytes.Buffer) *flate.Writer {
	t.Helper()
	w, err := flate.NewWriter(b, flate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	return w
}
