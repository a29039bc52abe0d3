package pos

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one annotated sentence in surface tokens, as read from a
// CoNLL-U treebank by ReadCoNLLU.
type Sentence struct {
	// Words holds the surface tokens: a multiword token such as « du » is
	// one word here, not the « de » + « le » of the syntactic layer.
	Words []string
	// Tags holds one UPOS tag per word; multiword tokens get the compound
	// tag of their parts joined with "+" ("ADP+DET").
	Tags []string
	// MWT marks the words that were multiword tokens in the treebank.
	MWT []bool
}

// ReadCoNLLU reads a CoNLL-U file and returns its sentences in surface
// tokens. Multiword-token ranges ("3-4	du") replace the syntactic words they
// cover and get a compound tag; empty nodes ("8.1") are skipped.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	var (
		out      []Sentence
		cur      Sentence
		mwtEnd   = -1 // last syntactic word id covered by the open multiword token
		mwtParts []string
		lineNo   int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		mwtEnd, mwtParts = -1, nil
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 {
			return nil, fmt.Errorf("conllu line %d: %d columns, want 10", lineNo, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node: not a surface token
		}
		if lo, hi, ok := strings.Cut(id, "-"); ok {
			a, err1 := strconv.Atoi(lo)
			b, err2 := strconv.Atoi(hi)
			if err1 != nil || err2 != nil || b < a {
				return nil, fmt.Errorf("conllu line %d: bad range id %q", lineNo, id)
			}
			cur.Words = append(cur.Words, cols[1])
			cur.Tags = append(cur.Tags, "")
			cur.MWT = append(cur.MWT, true)
			mwtEnd, mwtParts = b, mwtParts[:0]
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil {
			return nil, fmt.Errorf("conllu line %d: bad id %q", lineNo, id)
		}
		if n <= mwtEnd {
			mwtParts = append(mwtParts, cols[3])
			if n == mwtEnd {
				cur.Tags[len(cur.Tags)-1] = strings.Join(mwtParts, "+")
				mwtEnd = -1
			}
			continue
		}
		cur.Words = append(cur.Words, cols[1])
		cur.Tags = append(cur.Tags, cols[3])
		cur.MWT = append(cur.MWT, false)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu line %d: %w", lineNo, err)
	}
	flush()
	for i, s := range out {
		for j, t := range s.Tags {
			if t == "" {
				return nil, fmt.Errorf("conllu sentence %d: multiword token %q has no parts", i+1, s.Words[j])
			}
		}
	}
	return out, nil
}
