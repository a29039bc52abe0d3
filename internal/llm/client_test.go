package llm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/llm/llmtest"
)

const testModel = "plume-test"

// setup starts a scripted server and a client with short timeouts and
// backoffs, so failure-mode tests stay fast.
func setup(t *testing.T, script llmtest.Script, mod func(*llm.Config)) (*llm.Client, *llmtest.Server) {
	t.Helper()
	if script.Models == nil {
		script.Models = []string{testModel}
	}
	srv := llmtest.New(t, script)
	cfg := llm.Config{
		URL: srv.URL, Model: testModel, Timeout: 2 * time.Second, MaxRetries: 3,
		BackoffBase: time.Millisecond, BackoffMax: 5 * time.Millisecond,
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := llm.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, srv
}

func always(r llmtest.Reply) []llmtest.Rule { return []llmtest.Rule{{Replies: []llmtest.Reply{r}}} }

var articleSchema = &llm.Schema{
	Name: "section",
	JSON: json.RawMessage(`{"type":"object","properties":{"title":{"type":"string"},"words":{"type":"integer"}},"required":["title","words"]}`),
}

func TestCompleteText(t *testing.T) {
	t.Parallel()
	c, srv := setup(t, llmtest.Script{Rules: always(llmtest.Reply{
		Content: "Le conseil municipal a voté le budget.", PromptTokens: 42, CompletionTokens: 9,
	})}, nil)
	resp, err := c.Complete(context.Background(), llm.Request{System: "Tu es journaliste.", User: "Écris une phrase.", MaxTokens: 300, Temperature: 0.4})
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if resp.Text != "Le conseil municipal a voté le budget." || resp.Truncated || resp.FinishReason != "stop" {
		t.Errorf("resp = %+v", resp)
	}
	if resp.PromptTokens != 42 || resp.CompletionTokens != 9 || resp.Calls != 1 || resp.JSON != nil {
		t.Errorf("accounting = %+v", resp)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("server got %d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Model != testModel || r.MaxTokens != 300 || r.Temperature == nil || *r.Temperature != 0.4 || len(r.ResponseFormat) != 0 {
		t.Errorf("request = %+v", r)
	}
	if len(r.Messages) != 2 || r.Messages[0].Role != "system" || r.Messages[0].Content != "Tu es journaliste." ||
		r.Messages[1].Role != "user" || r.Messages[1].Content != "Écris une phrase." {
		t.Errorf("messages = %+v", r.Messages)
	}
	if r.Authorization != "" {
		t.Errorf("no key configured but Authorization = %q", r.Authorization)
	}
}

func TestCompleteSchema(t *testing.T) {
	t.Parallel()
	c, srv := setup(t, llmtest.Script{Rules: always(llmtest.Reply{
		Content: "Voici la réponse :\n```json\n{\"title\": \"Budget voté\", \"words\": 120,}\n```",
	})}, nil)
	resp, err := c.Complete(context.Background(), llm.Request{User: "Plan ?", Schema: articleSchema})
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if string(resp.JSON) != `{"title":"Budget voté","words":120}` || resp.SchemaInPrompt {
		t.Errorf("JSON = %s, SchemaInPrompt = %v", resp.JSON, resp.SchemaInPrompt)
	}
	var rf struct {
		Type       string `json:"type"`
		JSONSchema struct {
			Name   string          `json:"name"`
			Schema json.RawMessage `json:"schema"`
		} `json:"json_schema"`
	}
	reqs := srv.Requests()
	if err := json.Unmarshal(reqs[0].ResponseFormat, &rf); err != nil {
		t.Fatalf("response_format %s: %v", reqs[0].ResponseFormat, err)
	}
	var got, want any
	_ = json.Unmarshal(rf.JSONSchema.Schema, &got)
	_ = json.Unmarshal(articleSchema.JSON, &want)
	if rf.Type != "json_schema" || rf.JSONSchema.Name != "section" || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("response_format = %s", reqs[0].ResponseFormat)
	}
	if strings.Contains(reqs[0].Text(), "Schéma") {
		t.Error("schema put in the prompt although response_format was accepted")
	}
}

func TestRetryAfter429(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		reply llmtest.Reply
		min   time.Duration
	}{
		{"retry-after-ms", llmtest.Reply{Status: 429, RetryAfterMs: "150"}, 150 * time.Millisecond},
		{"retry-after seconds", llmtest.Reply{Status: 429, RetryAfter: "1"}, time.Second},
		{"503 no header", llmtest.Reply{Status: 503}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, srv := setup(t, llmtest.Script{Rules: []llmtest.Rule{{Replies: []llmtest.Reply{tc.reply, {Content: "ok"}}}}}, nil)
			start := time.Now()
			resp, err := c.Complete(context.Background(), llm.Request{User: "x"})
			if err != nil {
				t.Fatalf("Complete: %v", err)
			}
			if el := time.Since(start); el < tc.min {
				t.Errorf("retried after %v, Retry-After asked %v", el, tc.min)
			}
			if resp.Text != "ok" || resp.Calls != 2 || len(srv.Requests()) != 2 {
				t.Errorf("resp = %+v, server saw %d", resp, len(srv.Requests()))
			}
			if u := c.Usage(); u.Calls != 2 || u.Retries != 1 {
				t.Errorf("usage = %+v", u)
			}
		})
	}
}

func TestRetryAfterCapped(t *testing.T) {
	t.Parallel()
	c, _ := setup(t, llmtest.Script{Rules: []llmtest.Rule{{Replies: []llmtest.Reply{{Status: 429, RetryAfter: "3600"}, {Content: "ok"}}}}},
		func(cfg *llm.Config) { cfg.RetryAfterMax = 20 * time.Millisecond })
	start := time.Now()
	if _, err := c.Complete(context.Background(), llm.Request{User: "x"}); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("Retry-After not capped: waited %v", el)
	}
}

func TestServerErrorForever(t *testing.T) {
	t.Parallel()
	c, srv := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Status: 500})}, func(cfg *llm.Config) { cfg.MaxRetries = 2 })
	_, err := c.Complete(context.Background(), llm.Request{User: "x"})
	if !errors.Is(err, llm.ErrServer) || !strings.Contains(err.Error(), "500") {
		t.Fatalf("err = %v, want ErrServer naming 500", err)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("server saw %d requests, want 1 + 2 retries", n)
	}
	if u := c.Usage(); u.Calls != 3 || u.Retries != 2 || u.PromptTokens != 0 {
		t.Errorf("usage = %+v", u)
	}
}

func TestNoRetryOnClientError(t *testing.T) {
	t.Parallel()
	c, srv := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Status: 400, Body: `{"error":{"message":"context length exceeded"}}`})}, nil)
	_, err := c.Complete(context.Background(), llm.Request{User: "x"})
	if !errors.Is(err, llm.ErrServer) || !strings.Contains(err.Error(), "context length") {
		t.Fatalf("err = %v", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("a 400 was retried: %d requests", n)
	}
}

func TestTimeout(t *testing.T) {
	t.Parallel()
	c, srv := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Content: "trop tard", Delay: 5 * time.Second})},
		func(cfg *llm.Config) { cfg.Timeout = 100 * time.Millisecond })
	start := time.Now()
	_, err := c.Complete(context.Background(), llm.Request{User: "x"})
	if !errors.Is(err, llm.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("timeout took %v", el)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("timed-out call repeated: %d requests", n)
	}
}

func TestContextCancel(t *testing.T) {
	t.Parallel()
	c, _ := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Status: 429, RetryAfter: "30"})},
		func(cfg *llm.Config) { cfg.RetryAfterMax = time.Minute })
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Complete(ctx, llm.Request{User: "x"})
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Fatalf("err = %v after %v, want prompt context error", err, time.Since(start))
	}
}

func TestMalformedJSONCorrectiveRetry(t *testing.T) {
	t.Parallel()
	bad := `{"title": "Budget" "words": 120}`
	c, srv := setup(t, llmtest.Script{Rules: []llmtest.Rule{{Replies: []llmtest.Reply{
		{Content: bad}, {Content: `{"title": "Budget", "words": 120}`},
	}}}}, nil)
	resp, err := c.Complete(context.Background(), llm.Request{System: "sys", User: "Plan ?", Schema: articleSchema})
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if string(resp.JSON) != `{"title":"Budget","words":120}` || resp.Calls != 2 {
		t.Errorf("resp = %+v", resp)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	m := reqs[1].Messages
	if len(m) != 4 || m[2].Role != "assistant" || m[2].Content != bad || m[3].Role != "user" ||
		!strings.Contains(m[3].Content, "invalid JSON at byte") {
		t.Errorf("corrective request does not quote the answer and parse error: %+v", m)
	}
	if len(reqs[1].ResponseFormat) == 0 {
		t.Error("corrective request dropped response_format")
	}
	if u := c.Usage(); u.Calls != 2 || u.Retries != 1 {
		t.Errorf("usage = %+v", u)
	}
}

func TestMalformedJSONTwice(t *testing.T) {
	t.Parallel()
	c, srv := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Content: "Désolé, je ne peux pas."})}, nil)
	resp, err := c.Complete(context.Background(), llm.Request{User: "Plan ?", Schema: articleSchema})
	if !errors.Is(err, llm.ErrBadJSON) {
		t.Fatalf("err = %v, want ErrBadJSON", err)
	}
	if resp.JSON != nil || len(srv.Requests()) != 2 {
		t.Errorf("JSON = %s, requests = %d (want exactly one corrective retry)", resp.JSON, len(srv.Requests()))
	}
}

func TestMalformedResponseBody(t *testing.T) {
	t.Parallel()
	c, _ := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Body: `{"choices": [ {"message": `})}, nil)
	_, err := c.Complete(context.Background(), llm.Request{User: "x"})
	if !errors.Is(err, llm.ErrBadResponse) {
		t.Fatalf("err = %v, want ErrBadResponse", err)
	}
}

func TestTruncated(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		content string
		schema  *llm.Schema
	}{
		{"text", "Le conseil municipal a voté le", nil},
		{"json", `{"title": "Budget", "wor`, articleSchema},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, srv := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Content: tc.content, FinishReason: "length"})}, nil)
			resp, err := c.Complete(context.Background(), llm.Request{User: "x", MaxTokens: 8, Schema: tc.schema})
			if err != nil {
				t.Fatalf("Complete: %v", err)
			}
			if !resp.Truncated || resp.FinishReason != "length" || resp.Text != tc.content || resp.JSON != nil {
				t.Errorf("resp = %+v", resp)
			}
			if n := len(srv.Requests()); n != 1 {
				t.Errorf("truncated answer re-asked: %d requests", n)
			}
		})
	}
}

func TestStreamedAnswer(t *testing.T) {
	t.Parallel()
	text := "Le budget 2025 de Lyon s'élève à 1,2 milliard d'euros, selon la mairie. « C'est un budget prudent », a déclaré l'adjoint."
	c, _ := setup(t, llmtest.Script{Rules: []llmtest.Rule{
		{Marker: "JSON", Replies: []llmtest.Reply{{Stream: true, Content: `{"title":"Été","words":3}`}}},
		{Replies: []llmtest.Reply{{Stream: true, Content: text, PromptTokens: 30, CompletionTokens: 31}}},
	}}, nil)
	resp, err := c.Complete(context.Background(), llm.Request{User: "x"})
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if resp.Text != text || resp.FinishReason != "stop" || resp.PromptTokens != 30 || resp.CompletionTokens != 31 {
		t.Errorf("assembled = %+v", resp)
	}
	resp, err = c.Complete(context.Background(), llm.Request{User: "JSON", Schema: articleSchema})
	if err != nil || string(resp.JSON) != `{"title":"Été","words":3}` {
		t.Errorf("streamed JSON = %s, %v", resp.JSON, err)
	}
}

func TestStreamedTruncated(t *testing.T) {
	t.Parallel()
	c, _ := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Stream: true, Content: "Une phrase coupée au", FinishReason: "length"})}, nil)
	resp, err := c.Complete(context.Background(), llm.Request{User: "x"})
	if err != nil || !resp.Truncated || resp.Text != "Une phrase coupée au" {
		t.Fatalf("resp = %+v, err = %v", resp, err)
	}
}

func TestResponseFormatRejected(t *testing.T) {
	t.Parallel()
	c, srv := setup(t, llmtest.Script{RejectResponseFormat: true, Rules: always(llmtest.Reply{Content: `{"title":"T","words":1}`})}, nil)
	resp, err := c.Complete(context.Background(), llm.Request{System: "Rédige.", User: "Plan ?", Schema: articleSchema})
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if !resp.SchemaInPrompt || string(resp.JSON) != `{"title":"T","words":1}` || resp.Calls != 2 {
		t.Errorf("resp = %+v", resp)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || len(reqs[0].ResponseFormat) == 0 || len(reqs[1].ResponseFormat) != 0 {
		t.Fatalf("requests: %+v", reqs)
	}
	sys := reqs[1].Messages[0].Content
	if !strings.HasPrefix(sys, "Rédige.") || !strings.Contains(sys, `"required":["title","words"]`) {
		t.Errorf("fallback system prompt lacks the schema: %q", sys)
	}
	// The rejection is remembered: the next call goes straight to the prompt.
	resp, err = c.Complete(context.Background(), llm.Request{User: "Plan ?", Schema: articleSchema})
	if err != nil || resp.Calls != 1 || !resp.SchemaInPrompt || len(srv.Requests()) != 3 {
		t.Errorf("second call: resp = %+v, err = %v, requests = %d", resp, err, len(srv.Requests()))
	}
}

func TestBearerKey(t *testing.T) {
	t.Parallel()
	script := llmtest.Script{APIKey: "sk-good", Rules: always(llmtest.Reply{Content: "ok"})}
	t.Run("good key", func(t *testing.T) {
		t.Parallel()
		c, srv := setup(t, script, func(cfg *llm.Config) { cfg.APIKey = "sk-good" })
		if _, err := c.Complete(context.Background(), llm.Request{User: "x"}); err != nil {
			t.Fatal(err)
		}
		if err := c.Probe(context.Background()); err != nil {
			t.Fatal(err)
		}
		if a := srv.Requests()[0].Authorization; a != "Bearer sk-good" {
			t.Errorf("Authorization = %q", a)
		}
	})
	for _, key := range []string{"", "sk-bad"} {
		t.Run("key "+key, func(t *testing.T) {
			t.Parallel()
			c, srv := setup(t, script, func(cfg *llm.Config) { cfg.APIKey = key })
			_, err := c.Complete(context.Background(), llm.Request{User: "x"})
			if !errors.Is(err, llm.ErrUnauthorized) || !llm.IsSetupError(err) {
				t.Fatalf("err = %v, want ErrUnauthorized", err)
			}
			if n := len(srv.Requests()); n != 1 {
				t.Errorf("401 retried: %d requests", n)
			}
			if strings.Contains(err.Error(), "sk-") {
				t.Errorf("error leaks the key: %v", err)
			}
		})
	}
}

// TestEnvKeyNotLeaked checks the SDK's own OPENAI_API_KEY default never
// reaches a server plume was not given a key for.
func TestEnvKeyNotLeaked(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "sk-from-env")
	c, srv := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Content: "ok"})}, nil)
	if _, err := c.Complete(context.Background(), llm.Request{User: "x"}); err != nil {
		t.Fatal(err)
	}
	if a := srv.Requests()[0].Authorization; a != "" {
		t.Errorf("Authorization = %q, want none", a)
	}
}

func TestOllamaModelNotFound(t *testing.T) {
	t.Parallel()
	c, _ := setup(t, llmtest.Script{Rules: always(llmtest.Reply{Status: 404, Body: `{"error":"model \"mistral\" not found, try pulling it first"}`})}, nil)
	_, err := c.Complete(context.Background(), llm.Request{User: "x"})
	if !errors.Is(err, llm.ErrNoModel) || !strings.Contains(err.Error(), "try pulling") {
		t.Fatalf("err = %v, want ErrNoModel with the server's words", err)
	}
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return "http://" + addr + "/v1"
}

func TestUnreachable(t *testing.T) {
	t.Parallel()
	c, err := llm.New(llm.Config{URL: closedPort(t), Model: testModel, Timeout: time.Second, MaxRetries: 2,
		BackoffBase: time.Millisecond, BackoffMax: 2 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Complete(context.Background(), llm.Request{User: "x"})
	if !errors.Is(err, llm.ErrUnreachable) || !strings.Contains(err.Error(), "3 attempts") {
		t.Fatalf("err = %v, want ErrUnreachable after 3 attempts", err)
	}
	if u := c.Usage(); u.Calls != 3 || u.Retries != 2 {
		t.Errorf("usage = %+v", u)
	}
}

func TestProbe(t *testing.T) {
	t.Parallel()
	many := []string{"qwen2.5:7b", "llama3.1:8b", "gemma2:9b", "phi3:mini", "mistral:7b", "aya:8b", "zephyr:7b"}
	for _, tc := range []struct {
		name     string
		script   llmtest.Script
		model    string
		key      string
		url      string // overrides the server URL
		want     error
		contains []string
		absent   []string
	}{
		{name: "ok", script: llmtest.Script{Models: []string{"a", testModel}}, model: testModel},
		{name: "ollama latest tag", script: llmtest.Script{Models: []string{"mistral:latest"}}, model: "mistral"},
		{name: "unknown model", script: llmtest.Script{Models: many}, model: "mixtral", want: llm.ErrNoModel,
			contains: []string{`"mixtral"`, "aya:8b", "gemma2:9b", "(and 2 more)"}, absent: []string{"zephyr"}},
		{name: "no model at all", script: llmtest.Script{Models: []string{}}, model: "m", want: llm.ErrNoModel, contains: []string{"available: none"}},
		{name: "bad key", script: llmtest.Script{APIKey: "sk-good"}, model: testModel, key: "sk-bad", want: llm.ErrUnauthorized,
			contains: []string{"401", llm.EnvAPIKey}, absent: []string{"sk-bad"}},
		{name: "unreachable", model: testModel, url: closedPort(t), want: llm.ErrUnreachable, contains: []string{"127.0.0.1"}},
		{name: "wrong path", model: testModel, url: "/nope", want: llm.ErrUnreachable, contains: []string{"404"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := llmtest.New(t, tc.script)
			u := srv.URL
			if strings.HasPrefix(tc.url, "/") {
				u = srv.HTTP.URL + tc.url
			} else if tc.url != "" {
				u = tc.url
			}
			c, err := llm.New(llm.Config{URL: u, Model: tc.model, APIKey: tc.key, Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			err = c.Probe(context.Background())
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Probe: %v", err)
				}
				return
			}
			if !errors.Is(err, tc.want) || !llm.IsSetupError(err) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
			for _, s := range tc.contains {
				if !strings.Contains(msg, s) {
					t.Errorf("error %q lacks %q", msg, s)
				}
			}
			for _, s := range tc.absent {
				if strings.Contains(msg, s) {
					t.Errorf("error %q contains %q", msg, s)
				}
			}
		})
	}
}

func TestUsageAccounting(t *testing.T) {
	t.Parallel()
	c, _ := setup(t, llmtest.Script{Rules: []llmtest.Rule{
		{Marker: "A", Replies: []llmtest.Reply{{Content: "a", PromptTokens: 10, CompletionTokens: 1}}},
		{Marker: "B", Replies: []llmtest.Reply{{Status: 503}, {Content: "b", PromptTokens: 20, CompletionTokens: 2}}},
		{Marker: "C", Replies: []llmtest.Reply{{Content: "pas du JSON", PromptTokens: 5, CompletionTokens: 3}, {Content: `{"title":"t","words":1}`, PromptTokens: 7, CompletionTokens: 4}}},
	}}, nil)
	ctx := context.Background()
	for _, u := range []string{"A", "B"} {
		if _, err := c.Complete(ctx, llm.Request{User: u}); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := c.Complete(ctx, llm.Request{User: "C", Schema: articleSchema})
	if err != nil || resp.PromptTokens != 12 || resp.CompletionTokens != 7 {
		t.Fatalf("resp = %+v, err = %v", resp, err)
	}
	u := c.Usage()
	want := llm.Usage{Calls: 5, PromptTokens: 42, CompletionTokens: 10, Retries: 2}
	if u.Calls != want.Calls || u.PromptTokens != want.PromptTokens || u.CompletionTokens != want.CompletionTokens || u.Retries != want.Retries {
		t.Errorf("usage = %+v, want %+v", u, want)
	}
	if u.Seconds <= 0 {
		t.Errorf("Seconds = %v", u.Seconds)
	}
}

func TestConcurrentComplete(t *testing.T) {
	t.Parallel()
	const n = 20
	var rules []llmtest.Rule
	for i := range n {
		// Every fourth caller first meets a 429, so retries interleave.
		replies := []llmtest.Reply{{Content: fmt.Sprintf("réponse %d", i), PromptTokens: 1, CompletionTokens: i + 1}}
		if i%4 == 0 {
			replies = append([]llmtest.Reply{{Status: 429}}, replies...)
		}
		rules = append(rules, llmtest.Rule{Marker: fmt.Sprintf("<section %d>", i), Replies: replies})
	}
	c, _ := setup(t, llmtest.Script{Rules: rules}, nil)
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			resp, err := c.Complete(context.Background(), llm.Request{User: fmt.Sprintf("<section %d>", i)})
			if err == nil && resp.Text != fmt.Sprintf("réponse %d", i) {
				err = fmt.Errorf("caller %d got %q", i, resp.Text)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	u := c.Usage()
	if u.Calls != n+5 || u.Retries != 5 || u.PromptTokens != n || u.CompletionTokens != n*(n+1)/2 {
		t.Errorf("usage = %+v", u)
	}
}

func BenchmarkComplete(b *testing.B) {
	srv := llmtest.New(b, llmtest.Script{Models: []string{testModel}, Rules: always(llmtest.Reply{Content: `{"title":"Budget","words":120}`})})
	c, err := llm.New(llm.Config{URL: srv.URL, Model: testModel})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Complete(context.Background(), llm.Request{User: "x", Schema: articleSchema}); err != nil {
			b.Fatal(err)
		}
	}
}
