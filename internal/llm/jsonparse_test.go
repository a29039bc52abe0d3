package llm

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseJSON(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in, want, err string
	}{
		{"plain", `{"a":1}`, `{"a":1}`, ""},
		{"spaces", " \n{ \"a\" : [1, 2] }\n", `{"a":[1,2]}`, ""},
		{"bom", "\ufeff{\"a\":1}", `{"a":1}`, ""},
		{"fence", "```json\n{\"titre\": \"Été\"}\n```", `{"titre":"Été"}`, ""},
		{"bare fence", "```\n{\"a\":1}\n```", `{"a":1}`, ""},
		{"leading prose", "Voici le JSON demandé :\n{\"a\":1}\nJ'espère que cela convient.", `{"a":1}`, ""},
		{"trailing commas", `{"a":[1,2,],"b":{"c":3,},}`, `{"a":[1,2],"b":{"c":3}}`, ""},
		{"comma in string kept", `{"a":"x,}"}`, `{"a":"x,}"}`, ""},
		{"braces in string", `{"a":"{ne pas [couper}"}`, `{"a":"{ne pas [couper}"}`, ""},
		{"escaped quote", `{"a":"il dit \"oui}\""}`, `{"a":"il dit \"oui}\""}`, ""},
		{"raw newline in string", "{\"a\":\"ligne 1\nligne 2\ttab\"}", `{"a":"ligne 1\nligne 2\ttab"}`, ""},
		{"first of two objects", `{"a":1} {"b":2}`, `{"a":1}`, ""},
		{"prose with braces first", `Le format {titre} suit : {"titre":"x"}`, `{"titre":"x"}`, ""},
		{"array", `Liste : [1, 2, 3,]`, `[1,2,3]`, ""},
		{"object inside array wins", `[{"a":1}]`, `{"a":1}`, ""},
		{"empty", "  ", "", "empty answer"},
		{"no json", "Je ne peux pas répondre.", "", "no JSON object"},
		{"truncated", `{"a": "coupé au mil`, "", "cut off"},
		{"truncated nested", `{"a": {"b": [1, 2`, "", "missing"},
		{"mismatched", `{"a": [1}`, "", "mismatched"},
		{"missing comma", `{"a": 1 "b": 2}`, "", "invalid JSON at byte"},
		{"single quotes", `{'a': 1}`, "", "invalid JSON"},
	} {
		got, err := ParseJSON(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: ParseJSON(%q) = %s, %v; want error %q", tc.name, tc.in, got, err, tc.err)
			}
			continue
		}
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: ParseJSON(%q) = %s, %v; want %s", tc.name, tc.in, got, err, tc.want)
		}
	}
}

// TestParseJSONFixtures runs the realistic answers kept in testdata: each
// .txt must parse to the JSON in the .json file of the same name.
func TestParseJSONFixtures(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/answer_*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".json")
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseJSON(string(in))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		var g, w any
		if json.Unmarshal(got, &g) != nil || json.Unmarshal(want, &w) != nil || !jsonEqual(g, w) {
			t.Errorf("%s: got %s, want %s", f, got, want)
		}
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":1}`, "```json\n{\"a\":[1,2,],}\n```", `Voici {x} : {"b":"}"}`, `[1,2`, "{\"a\":\"l\nl\"}", `{"a":"\u00e9\\"}`, ""} {
		f.Add(s)
	}
	if files, _ := filepath.Glob("testdata/answer_*.txt"); len(files) > 0 {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseJSON(in)
		if err != nil {
			if got != nil {
				t.Fatalf("error %v with a value %q", err, got)
			}
			return
		}
		if !json.Valid(got) {
			t.Fatalf("ParseJSON(%q) = %q, not valid JSON", in, got)
		}
		if c := got[0]; c != '{' && c != '[' {
			t.Fatalf("ParseJSON(%q) = %q, not an object or array", in, got)
		}
		// Valid JSON objects come back unchanged in meaning.
		trimmed := strings.TrimSpace(in)
		if strings.HasPrefix(trimmed, "{") && json.Valid([]byte(trimmed)) {
			var a, b any
			_ = json.Unmarshal([]byte(trimmed), &a)
			_ = json.Unmarshal(got, &b)
			if !jsonEqual(a, b) {
				t.Fatalf("valid input %q changed to %q", trimmed, got)
			}
		}
		// Idempotent: parsing the output again gives the output.
		again, err := ParseJSON(string(got))
		if err != nil || string(again) != string(got) {
			t.Fatalf("not idempotent: %q -> %q, %v", got, again, err)
		}
	})
}

func BenchmarkParseJSON(b *testing.B) {
	in, err := os.ReadFile("testdata/answer_outline.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(in)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseJSON(s); err != nil {
			b.Fatal(err)
		}
	}
}
