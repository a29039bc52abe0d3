package llm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// maxCandidates bounds how many opening braces ParseJSON tries, so a long
// answer full of stray braces stays linear in practice.
const maxCandidates = 16

// ParseJSON extracts the first JSON object (or, failing that, array) from a
// model's answer, tolerating what models add around and inside it: Markdown
// fences, leading or trailing prose, trailing commas, and raw newlines or
// tabs inside strings. It returns compact, valid JSON, or an error that
// says what is wrong in words a model can act on in a corrective prompt.
func ParseJSON(text string) (json.RawMessage, error) {
	s := strings.TrimPrefix(strings.TrimSpace(text), "\ufeff")
	if s == "" {
		return nil, errors.New("empty answer, expected a JSON object")
	}
	var firstErr error
	for _, open := range []byte{'{', '['} {
		from, tried := 0, 0
		for tried < maxCandidates {
			i := strings.IndexByte(s[from:], open)
			if i < 0 {
				break
			}
			start := from + i
			tried++
			out, err := parseCandidate(s[start:])
			if err == nil {
				return out, nil
			}
			if firstErr == nil {
				firstErr = err
			}
			from = start + 1
		}
		if firstErr != nil {
			// An object was present but broken: do not fall back to an
			// array found inside it, which would silently lose the object.
			return nil, firstErr
		}
	}
	return nil, errors.New("no JSON object found in the answer")
}

// parseCandidate takes the balanced value opening at s[0], repairs it and
// validates it.
func parseCandidate(s string) (json.RawMessage, error) {
	raw, err := balanced(s)
	if err != nil {
		return nil, err
	}
	fixed := repair(raw)
	var buf bytes.Buffer
	if err := json.Compact(&buf, fixed); err != nil {
		return nil, describeSyntax(fixed, err)
	}
	return json.RawMessage(buf.Bytes()), nil
}

// balanced returns the prefix of s that closes the bracket opened at s[0],
// skipping brackets inside strings.
func balanced(s string) (string, error) {
	var stack []byte
	inStr, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
		case '{':
			stack = append(stack, '}')
		case '[':
			stack = append(stack, ']')
		case '}', ']':
			if len(stack) == 0 || stack[len(stack)-1] != c {
				return "", fmt.Errorf("mismatched %q at byte %d", c, i)
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return s[:i+1], nil
			}
		}
	}
	if inStr {
		return "", errors.New("unterminated string: the JSON is cut off")
	}
	return "", fmt.Errorf("unbalanced JSON: %d closing bracket(s) missing, the answer is cut off", len(stack))
}

// repair removes trailing commas before a closing bracket and escapes raw
// control characters inside strings, the two slips models make most.
func repair(s string) []byte {
	out := make([]byte, 0, len(s))
	inStr, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			case c == '\n':
				out = append(out, '\\', 'n')
				continue
			case c == '\r':
				out = append(out, '\\', 'r')
				continue
			case c == '\t':
				out = append(out, '\\', 't')
				continue
			case c < 0x20:
				out = fmt.Appendf(out, `\u%04x`, c)
				continue
			}
			out = append(out, c)
			continue
		}
		switch c {
		case '"':
			inStr = true
		case ',':
			j := i + 1
			for j < len(s) && isSpace(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// describeSyntax turns a decoder error into a message quoting the spot.
func describeSyntax(b []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		lo := max(0, int(se.Offset)-20)
		hi := min(len(b), int(se.Offset)+20)
		return fmt.Errorf("invalid JSON at byte %d near %q: %v", se.Offset, b[lo:hi], se)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}
