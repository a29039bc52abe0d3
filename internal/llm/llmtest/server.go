package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// Reply is one canned answer to a chat-completion request.
type Reply struct {
	// Content is the assistant message. Ignored when Body is set.
	Content string
	// FinishReason defaults to "stop"; "length" simulates a truncated answer.
	FinishReason string
	// Status is the HTTP status; 0 means 200.
	Status int
	// RetryAfter, when set, is sent as the Retry-After header (seconds).
	RetryAfter string
	// RetryAfterMs, when set, is sent as the Retry-After-Ms header.
	RetryAfterMs string
	// Body, when set, is sent verbatim instead of a chat completion, with
	// Content-Type application/json: an error body or a malformed one.
	Body string
	// Stream sends the answer as text/event-stream chunks, whether or not
	// the request asked for streaming.
	Stream bool
	// Delay is waited before answering (or until the client gives up).
	Delay time.Duration
	// PromptTokens and CompletionTokens are reported in usage; zero means
	// a count derived from the text (one token per four bytes, at least 1).
	PromptTokens     int
	CompletionTokens int
}

// Rule answers the requests whose messages contain Marker.
type Rule struct {
	// Marker selects the requests this rule answers: a substring of any
	// message. An empty Marker matches every request.
	Marker string
	// Replies are served in call order; the last one repeats forever.
	Replies []Reply
	// Respond, when set, answers instead of Replies, from the request's
	// messages joined: a scripted model that writes from its prompt.
	Respond func(prompt string) Reply
}

// Script configures a Server.
type Script struct {
	// Models are listed by GET /v1/models.
	Models []string
	// APIKey, when set, is required as "Authorization: Bearer APIKey"; other
	// requests get 401.
	APIKey string
	// RejectResponseFormat answers 400 (naming response_format) to any
	// request carrying one, as servers without structured output do.
	RejectResponseFormat bool
	// Rules are tried in order; the first whose Marker matches answers.
	// A request no rule matches gets a 500 saying so.
	Rules []Rule
}

// Message is one recorded chat message.
type Message struct {
	Role    string
	Content string
}

// Request is one recorded chat-completion request.
type Request struct {
	Model          string
	Messages       []Message
	MaxTokens      int
	Temperature    *float64
	Stream         bool
	ResponseFormat json.RawMessage
	Authorization  string
}

// Text returns all message contents joined, for assertions.
func (r Request) Text() string {
	var b strings.Builder
	for _, m := range r.Messages {
		b.WriteString(m.Content)
		b.WriteByte('\n')
	}
	return b.String()
}

// Server is a running scripted server. URL is the base to give a client
// (it ends in /v1).
type Server struct {
	URL string
	// HTTP is the underlying test server.
	HTTP *httptest.Server

	script Script
	mu     sync.Mutex
	served []int // per rule, replies served
	reqs   []Request
	models int
}

// New starts a server for script and stops it when the test ends.
func New(tb testing.TB, script Script) *Server {
	tb.Helper()
	s := &Server{script: script, served: make([]int, len(script.Rules))}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/models", s.handleModels)
	mux.HandleFunc("POST /v1/chat/completions", s.handleChat)
	s.HTTP = httptest.NewServer(mux)
	s.URL = s.HTTP.URL + "/v1"
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server, cutting connections still open (stalled replies).
func (s *Server) Close() {
	s.HTTP.CloseClientConnections()
	s.HTTP.Close()
}

// Requests returns the chat-completion requests received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// ModelRequests returns how many GET /v1/models requests were received.
func (s *Server) ModelRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.models
}

func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.script.APIKey == "" || r.Header.Get("Authorization") == "Bearer "+s.script.APIKey {
		return true
	}
	writeError(w, http.StatusUnauthorized, "invalid_api_key", "Incorrect API key provided.")
	return false
}

func (s *Server) handleModels(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.models++
	s.mu.Unlock()
	if !s.authorized(w, r) {
		return
	}
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	list := struct {
		Object string  `json:"object"`
		Data   []model `json:"data"`
	}{Object: "list", Data: []model{}}
	for _, m := range s.script.Models {
		list.Data = append(list.Data, model{ID: m, Object: "model", Created: 1700000000, OwnedBy: "llmtest"})
	}
	writeJSON(w, http.StatusOK, list)
}

// wireRequest is the part of a chat-completion request the server reads.
type wireRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
	MaxTokens      int             `json:"max_tokens"`
	Temperature    *float64        `json:"temperature"`
	Stream         bool            `json:"stream"`
	ResponseFormat json.RawMessage `json:"response_format"`
}

// content accepts both a plain string and an array of text parts.
func content(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var parts []struct {
		Text string `json:"text"`
	}
	if json.Unmarshal(raw, &parts) == nil {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p.Text)
		}
		return b.String()
	}
	return string(raw)
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	var wr wireRequest
	if err := json.NewDecoder(r.Body).Decode(&wr); err != nil {
		writeError(w, http.StatusBadRequest, "invalid_request_error", "cannot decode request: "+err.Error())
		return
	}
	rec := Request{Model: wr.Model, MaxTokens: wr.MaxTokens, Temperature: wr.Temperature, Stream: wr.Stream,
		ResponseFormat: wr.ResponseFormat, Authorization: r.Header.Get("Authorization")}
	for _, m := range wr.Messages {
		rec.Messages = append(rec.Messages, Message{Role: m.Role, Content: content(m.Content)})
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, rec)
	s.mu.Unlock()

	if !s.authorized(w, r) {
		return
	}
	if s.script.RejectResponseFormat && len(wr.ResponseFormat) > 0 && string(wr.ResponseFormat) != "null" {
		writeError(w, http.StatusBadRequest, "invalid_request_error", "response_format of type json_schema is not supported by this server")
		return
	}
	reply, ok := s.next(rec.Text())
	if !ok {
		writeError(w, http.StatusInternalServerError, "server_error", "llmtest: no rule matches this request")
		return
	}
	if reply.Delay > 0 {
		t := time.NewTimer(reply.Delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
	if reply.RetryAfter != "" {
		w.Header().Set("Retry-After", reply.RetryAfter)
	}
	if reply.RetryAfterMs != "" {
		w.Header().Set("Retry-After-Ms", reply.RetryAfterMs)
	}
	status := reply.Status
	if status == 0 {
		status = http.StatusOK
	}
	if reply.Body != "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(reply.Body))
		return
	}
	if status >= 400 {
		writeError(w, status, "server_error", fmt.Sprintf("llmtest: scripted HTTP %d", status))
		return
	}
	finish := reply.FinishReason
	if finish == "" {
		finish = "stop"
	}
	pt, ct := reply.PromptTokens, reply.CompletionTokens
	if pt == 0 {
		pt = tokens(rec.Text())
	}
	if ct == 0 {
		ct = tokens(reply.Content)
	}
	if reply.Stream {
		s.stream(w, wr.Model, reply.Content, finish, pt, ct)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": "chatcmpl-llmtest", "object": "chat.completion", "created": 1700000000, "model": wr.Model,
		"choices": []any{map[string]any{
			"index": 0, "finish_reason": finish,
			"message": map[string]any{"role": "assistant", "content": reply.Content},
		}},
		"usage": map[string]any{"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct},
	})
}

// next picks the reply for a request text and advances its rule.
func (s *Server) next(text string) (Reply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, rule := range s.script.Rules {
		if len(rule.Replies) == 0 && rule.Respond == nil || !strings.Contains(text, rule.Marker) {
			continue
		}
		if rule.Respond != nil {
			s.served[i]++
			return rule.Respond(text), true
		}
		k := min(s.served[i], len(rule.Replies)-1)
		s.served[i]++
		return rule.Replies[k], true
	}
	return Reply{}, false
}

// stream writes content as chat.completion.chunk events of a few runes each,
// flushed one by one, then a usage chunk and [DONE], as vLLM and Ollama do.
func (s *Server) stream(w http.ResponseWriter, model, text, finish string, pt, ct int) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	send := func(v any) {
		b, _ := json.Marshal(v)
		_, _ = fmt.Fprintf(w, "data: %s\n\n", b)
		if fl != nil {
			fl.Flush()
		}
	}
	chunk := func(delta map[string]any, fin any) map[string]any {
		return map[string]any{"id": "chatcmpl-llmtest", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": fin}}}
	}
	send(chunk(map[string]any{"role": "assistant", "content": ""}, nil))
	for len(text) > 0 {
		n := 0
		for i := 0; i < 7 && n < len(text); i++ {
			_, size := utf8.DecodeRuneInString(text[n:])
			n += size
		}
		send(chunk(map[string]any{"content": text[:n]}, nil))
		text = text[n:]
	}
	send(chunk(map[string]any{}, finish))
	send(map[string]any{"id": "chatcmpl-llmtest", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
		"choices": []any{}, "usage": map[string]any{"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct}})
	_, _ = fmt.Fprint(w, "data: [DONE]\n\n")
	if fl != nil {
		fl.Flush()
	}
}

func tokens(s string) int { return max(1, len(s)/4) }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, typ, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": nil}})
}
