package serve

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/llm/llmtest"
	"github.com/plume-seo/plume/internal/write"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// TestLLMWriter runs the LLM writer through the API against the scripted
// OpenAI-compatible server (no real model runs in tests): the default
// writer is the model, the offline one stays available, and concurrent
// articles each account for their own calls.
func TestLLMWriter(t *testing.T) {
	srv := llmtest.New(t, llmtest.Script{Models: []string{"mistral"}, Rules: []llmtest.Rule{{Respond: writertest.Model}}})
	t.Cleanup(srv.Close)
	newLLM := func() (write.Writer, error) {
		c, err := llm.New(llm.Config{URL: srv.URL, Model: "mistral"})
		if err != nil {
			return nil, err
		}
		return &write.LLM{Client: c}, nil
	}
	h := New(Options{LLM: newLLM, DefaultWriter: "llm"}).Handler()

	var health struct {
		Writers       []string `json:"writers"`
		DefaultWriter string   `json:"default_writer"`
	}
	json.Unmarshal(call(t, h, "GET", "/healthz", nil).Body.Bytes(), &health)
	if len(health.Writers) != 2 || health.DefaultWriter != "llm" {
		t.Errorf("healthz = %+v", health)
	}

	type answer struct {
		Writer string               `json:"writer"`
		LLM    *struct{ Calls int } `json:"llm"`
	}
	text := seed(t, "001")
	var wg sync.WaitGroup
	answers := make([]answer, 3)
	for i := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := call(t, h, "POST", "/api/v1/rewrite", map[string]any{"text": text})
			if w.Code != 200 {
				t.Errorf("rewrite %d: %d %s", i, w.Code, w.Body)
				return
			}
			json.Unmarshal(w.Body.Bytes(), &answers[i])
		}()
	}
	wg.Wait()
	for i, a := range answers {
		if a.Writer != "llm" || a.LLM == nil || a.LLM.Calls == 0 || a.LLM.Calls > 8 {
			t.Errorf("article %d: writer %q, llm %+v: want the model, 1–8 calls of its own", i, a.Writer, a.LLM)
		}
	}
	var off answer
	json.Unmarshal(call(t, h, "POST", "/api/v1/rewrite", map[string]any{"text": text, "writer": "extractive"}).Body.Bytes(), &off)
	if off.Writer != "extractive" || off.LLM != nil {
		t.Errorf("writer extractive on an LLM server: %+v", off)
	}
}
