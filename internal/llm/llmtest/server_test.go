package llmtest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

func post(t *testing.T, url, key, body string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/chat/completions", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Content-Type"), string(b)
}

func chat(user string) string {
	b, _ := json.Marshal(map[string]any{"model": "m", "messages": []any{map[string]any{"role": "user", "content": user}}})
	return string(b)
}

func TestScript(t *testing.T) {
	t.Parallel()
	s := New(t, Script{APIKey: "k", Models: []string{"m"}, Rules: []Rule{
		{Marker: "[A]", Replies: []Reply{{Status: 429, RetryAfter: "2"}, {Content: "a1"}, {Content: "a2"}}},
		{Marker: "[S]", Replies: []Reply{{Stream: true, Content: "flux accentué"}}},
	}})
	if code, _, _ := post(t, s.URL, "wrong", chat("[A]")); code != http.StatusUnauthorized {
		t.Errorf("wrong key: %d", code)
	}
	want := []struct {
		code int
		has  string
	}{{429, "scripted HTTP 429"}, {200, `"a1"`}, {200, `"a2"`}, {200, `"a2"`}}
	for i, w := range want {
		code, _, body := post(t, s.URL, "k", chat("[A]"))
		if code != w.code || !strings.Contains(body, w.has) {
			t.Errorf("call %d: %d %s, want %d with %s", i, code, body, w.code, w.has)
		}
	}
	code, ct, body := post(t, s.URL, "k", chat("[S]"))
	if code != 200 || ct != "text/event-stream" || !strings.HasSuffix(body, "data: [DONE]\n\n") || strings.Count(body, "data:") < 4 {
		t.Errorf("stream: %d %s %q", code, ct, body)
	}
	if code, _, body := post(t, s.URL, "k", chat("rien")); code != 500 || !strings.Contains(body, "no rule") {
		t.Errorf("unmatched: %d %s", code, body)
	}
	if n := len(s.Requests()); n != 7 {
		t.Errorf("recorded %d requests, want 7", n)
	}
	if got := s.Requests()[1]; got.Messages[0].Content != "[A]" || got.Authorization != "Bearer k" {
		t.Errorf("recorded %+v", got)
	}
}

func TestRejectResponseFormat(t *testing.T) {
	t.Parallel()
	s := New(t, Script{RejectResponseFormat: true, Rules: []Rule{{Replies: []Reply{{Content: "ok"}}}}})
	body := `{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"response_format":{"type":"json_schema"}}`
	if code, _, b := post(t, s.URL, "", body); code != 400 || !strings.Contains(b, "response_format") {
		t.Errorf("got %d %s", code, b)
	}
	if got := s.Requests()[0].Messages[0].Content; got != "hi" {
		t.Errorf("content parts read as %q", got)
	}
	if code, _, _ := post(t, s.URL, "", chat("hi")); code != 200 {
		t.Errorf("plain request got %d", code)
	}
}
