package pos

import (
	"strings"
	"testing"
)

// A hand-written CoNLL-U fragment (not copied from a treebank) with a
// multiword token, an empty node, comments and two sentences.
const sampleCoNLLU = `# sent_id = 1
# text = Il va au marché.
1	Il	il	PRON	_	_	2	nsubj	_	_
2	va	aller	VERB	_	_	0	root	_	_
3-4	au	_	_	_	_	_	_	_	_
3	à	à	ADP	_	_	5	case	_	_
4	le	le	DET	_	_	5	det	_	_
5	marché	marché	NOUN	_	_	2	obl	_	SpaceAfter=No
5.1	va	aller	VERB	_	_	_	_	2:conj	_
6	.	.	PUNCT	_	_	2	punct	_	_

# sent_id = 2
1-2	auquel	_	_	_	_	_	_	_	_
1	à	à	ADP	_	_	2	case	_	_
2	lequel	lequel	PRON	_	_	0	root	_	_
`

func TestReadCoNLLU(t *testing.T) {
	t.Parallel()
	sents, err := ReadCoNLLU(strings.NewReader(sampleCoNLLU))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		words, tags string
		mwt         []bool
	}{
		{"Il va au marché .", "PRON VERB ADP+DET NOUN PUNCT", []bool{false, false, true, false, false}},
		{"auquel", "ADP+PRON", []bool{true}},
	}
	if len(sents) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(sents), len(want))
	}
	for i, w := range want {
		s := sents[i]
		if got := strings.Join(s.Words, " "); got != w.words {
			t.Errorf("sentence %d words %q, want %q", i, got, w.words)
		}
		if got := strings.Join(s.Tags, " "); got != w.tags {
			t.Errorf("sentence %d tags %q, want %q", i, got, w.tags)
		}
		for j, m := range w.mwt {
			if s.MWT[j] != m {
				t.Errorf("sentence %d word %d MWT %v, want %v", i, j, s.MWT[j], m)
			}
		}
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"few columns":  "1\tIl\til\n",
		"bad id":       "x\tIl\til\tPRON\n",
		"bad range":    "3-x\tau\t_\t_\n",
		"reversed":     "4-3\tau\t_\t_\n",
		"range no end": "1-2\tau\t_\t_\n1\tà\tà\tADP\n\n",
	} {
		if _, err := ReadCoNLLU(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add(sampleCoNLLU)
	f.Add("1-2\tdu\n1\tde\tde\tADP\n2\tle\tle\tDET\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLLU(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Tags) || len(s.Words) != len(s.MWT) {
				t.Fatalf("inconsistent sentence %+v", s)
			}
		}
	})
}
