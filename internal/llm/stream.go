package llm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// maxStreamBytes bounds an assembled streamed answer; a runaway server must
// not exhaust memory.
const maxStreamBytes = 8 << 20

// streamChunk is the part of a chat.completion.chunk the assembler needs.
type streamChunk struct {
	ID      string `json:"id"`
	Created int64  `json:"created"`
	Model   string `json:"model"`
	Choices []struct {
		Index int `json:"index"`
		Delta struct {
			Content string `json:"content"`
		} `json:"delta"`
		FinishReason *string `json:"finish_reason"`
	} `json:"choices"`
	Usage *wireUsage      `json:"usage"`
	Error json.RawMessage `json:"error"`
}

type wireUsage struct {
	PromptTokens     int64 `json:"prompt_tokens"`
	CompletionTokens int64 `json:"completion_tokens"`
	TotalTokens      int64 `json:"total_tokens"`
}

// wireCompletion is the non-streamed chat.completion the SDK decodes.
type wireCompletion struct {
	ID      string       `json:"id"`
	Object  string       `json:"object"`
	Created int64        `json:"created"`
	Model   string       `json:"model"`
	Choices []wireChoice `json:"choices"`
	Usage   wireUsage    `json:"usage"`
}

type wireChoice struct {
	Index        int         `json:"index"`
	Message      wireMessage `json:"message"`
	FinishReason string      `json:"finish_reason"`
}

type wireMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// isEventStream reports whether the response is server-sent events.
func isEventStream(res *http.Response) bool {
	mt, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	return mt == "text/event-stream"
}

// assembleStream reads a chat-completion event stream to its end and
// returns the equivalent non-streamed chat.completion body. Some servers
// (and proxies in front of them) stream even when not asked to; the caller
// must still get the whole text.
func assembleStream(r io.Reader) ([]byte, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxStreamBytes))
	sc.Buffer(make([]byte, 64<<10), maxStreamBytes)
	var (
		out     wireCompletion
		text    strings.Builder
		finish  string
		done    bool
		gotData bool
	)
	for sc.Scan() {
		line := sc.Text()
		data, ok := strings.CutPrefix(line, "data:")
		if !ok {
			continue // comments, event names, blank separators
		}
		data = strings.TrimSpace(data)
		if data == "[DONE]" {
			done = true
			break
		}
		if data == "" {
			continue
		}
		var ch streamChunk
		if err := json.Unmarshal([]byte(data), &ch); err != nil {
			return nil, fmt.Errorf("stream chunk: %w", err)
		}
		if len(ch.Error) > 0 && string(ch.Error) != "null" {
			return nil, fmt.Errorf("stream error event: %s", ch.Error)
		}
		gotData = true
		if out.ID == "" {
			out.ID, out.Created, out.Model = ch.ID, ch.Created, ch.Model
		}
		for _, c := range ch.Choices {
			if c.Index != 0 {
				continue
			}
			text.WriteString(c.Delta.Content)
			if c.FinishReason != nil && *c.FinishReason != "" {
				finish = *c.FinishReason
			}
		}
		if ch.Usage != nil {
			out.Usage = *ch.Usage
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read stream: %w", err)
	}
	if !gotData {
		return nil, errors.New("stream held no data")
	}
	if !done && finish == "" {
		return nil, errors.New("stream ended before [DONE] and without a finish_reason")
	}
	out.Object = "chat.completion"
	out.Choices = []wireChoice{{Message: wireMessage{Role: "assistant", Content: text.String()}, FinishReason: finish}}
	return json.Marshal(out)
}

// replaceBody swaps res's body for b, marked as JSON.
func replaceBody(res *http.Response, b []byte) {
	res.Body = io.NopCloser(bytes.NewReader(b))
	res.ContentLength = int64(len(b))
	res.Header.Set("Content-Type", "application/json")
	res.Header.Del("Content-Length")
}
