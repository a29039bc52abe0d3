package llm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// Usage is the accounting of every chat-completion request a Client made.
type Usage struct {
	// Calls counts HTTP chat-completion requests, retries included.
	Calls int
	// PromptTokens and CompletionTokens sum what the server reported.
	PromptTokens     int
	CompletionTokens int
	// Retries counts requests beyond the first of each Complete, whatever
	// the reason: 429/5xx/connection error, rejected response_format, or
	// the corrective JSON retry.
	Retries int
	// Seconds sums the wall time of Complete calls; parallel calls add up,
	// so it may exceed the elapsed time.
	Seconds float64
}

// Client talks to one OpenAI-compatible server and model. It is safe for
// concurrent use.
type Client struct {
	cfg  Config
	sdk  openai.Client
	base string // cfg.URL with any password redacted, for error messages

	// noFormat remembers that the server rejected response_format, so later
	// calls go straight to the schema-in-prompt fallback.
	noFormat atomic.Bool

	mu    sync.Mutex
	usage Usage
}

// New returns a Client for cfg after applying defaults and validating it.
// It sends nothing; call Probe to check the server before real work.
func New(cfg Config) (*Client, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	base := cfg.URL
	if u, err := url.Parse(cfg.URL); err == nil {
		base = u.Redacted()
	}
	sdk := openai.NewClient(
		option.WithBaseURL(cfg.URL),
		// Set even when empty: it overrides an OPENAI_API_KEY from the
		// environment, which must never leak to a third-party server.
		option.WithAPIKey(cfg.APIKey),
		option.WithHTTPClient(hc),
		// Retries are ours: they must be counted, honour short test
		// backoffs and classify errors the way the writer needs.
		option.WithMaxRetries(0),
	)
	return &Client{cfg: cfg, sdk: sdk, base: base}, nil
}

// Config returns the effective configuration, defaults applied.
func (c *Client) Config() Config { return c.cfg }

// Usage returns the accounting so far.
func (c *Client) Usage() Usage {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.usage
}

func (c *Client) addUsage(u Usage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.usage.Calls += u.Calls
	c.usage.PromptTokens += u.PromptTokens
	c.usage.CompletionTokens += u.CompletionTokens
	c.usage.Retries += u.Retries
	c.usage.Seconds += u.Seconds
}

// maxListedModels bounds the models named in an ErrNoModel message.
const maxListedModels = 5

// Probe checks with GET /models that the server answers, accepts the key and
// serves the configured model. Its errors are one line and wrap
// ErrUnreachable, ErrUnauthorized or ErrNoModel (see IsSetupError).
func (c *Client) Probe(ctx context.Context) error {
	a := &attempt{}
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	page, err := c.sdk.Models.List(actx, option.WithMiddleware(a.middleware))
	if err != nil {
		switch {
		case ctx.Err() != nil:
			return fmt.Errorf("llm probe %s: %w", c.base, ctx.Err())
		case a.status == 0 && actx.Err() != nil:
			return fmt.Errorf("%w: %s did not answer within %v", ErrUnreachable, c.base, c.cfg.Timeout)
		case a.status == 0:
			return fmt.Errorf("%w: %s: %v", ErrUnreachable, c.base, oneLine(err))
		case a.status == http.StatusUnauthorized || a.status == http.StatusForbidden:
			return fmt.Errorf("%w: %s answered HTTP %d (check %s)", ErrUnauthorized, c.base, a.status, EnvAPIKey)
		case a.status == http.StatusNotFound:
			return fmt.Errorf("%w: no OpenAI-compatible API at %s (GET models: HTTP 404; does the URL end in /v1?)", ErrUnreachable, c.base)
		case a.status >= 400:
			return fmt.Errorf("%w: %s answered HTTP %d to GET models: %s", ErrServer, c.base, a.status, snippet(a.body))
		default:
			return fmt.Errorf("%w: GET models at %s: %v", ErrBadResponse, c.base, oneLine(err))
		}
	}
	ids := make([]string, 0, len(page.Data))
	for _, m := range page.Data {
		if m.ID == c.cfg.Model || m.ID == c.cfg.Model+":latest" {
			return nil
		}
		ids = append(ids, m.ID)
	}
	slices.Sort(ids)
	list := "none"
	if len(ids) > 0 {
		list = strings.Join(ids[:min(len(ids), maxListedModels)], ", ")
		if len(ids) > maxListedModels {
			list += fmt.Sprintf(" (and %d more)", len(ids)-maxListedModels)
		}
	}
	return fmt.Errorf("%w: %s does not serve model %q; available: %s", ErrNoModel, c.base, c.cfg.Model, list)
}

// attempt records what one HTTP request got back, captured by a per-request
// middleware: the SDK's own error type loses the body of non-JSON errors
// (Ollama answers {"error":"..."} with a string) and the Retry-After header
// is needed for our backoff.
type attempt struct {
	status    int
	header    http.Header
	body      []byte
	streamErr error
}

// maxErrorBody bounds how much of an error body is kept.
const maxErrorBody = 64 << 10

func (a *attempt) middleware(req *http.Request, next option.MiddlewareNext) (*http.Response, error) {
	res, err := next(req)
	if err != nil || res == nil {
		return res, err
	}
	a.status, a.header = res.StatusCode, res.Header.Clone()
	if res.StatusCode >= 400 {
		b, _ := io.ReadAll(io.LimitReader(res.Body, maxErrorBody))
		_ = res.Body.Close()
		a.body = b
		res.Body = io.NopCloser(bytes.NewReader(b))
		return res, nil
	}
	if isEventStream(res) {
		b, err := assembleStream(res.Body)
		_ = res.Body.Close()
		if err != nil {
			a.streamErr = err
			return nil, err
		}
		replaceBody(res, b)
	}
	return res, nil
}

// errFormatRejected is internal: the caller falls back to schema-in-prompt.
var errFormatRejected = errors.New("response_format rejected")

// classify turns one failed attempt into an error and says whether another
// attempt may help and after how long at least (Retry-After).
func (c *Client) classify(ctx, actx context.Context, a *attempt, err error, withFormat bool) (out error, retry bool, after time.Duration) {
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("llm call: %w", ctx.Err()), false, 0
	case actx.Err() != nil:
		return fmt.Errorf("%w after %v (%s, model %s)", ErrTimeout, c.cfg.Timeout, c.base, c.cfg.Model), false, 0
	case a.streamErr != nil:
		return fmt.Errorf("%w: streamed answer: %v", ErrBadResponse, a.streamErr), true, 0
	case a.status == 0:
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, c.base, oneLine(err)), true, 0
	case a.status == http.StatusUnauthorized || a.status == http.StatusForbidden:
		return fmt.Errorf("%w: %s answered HTTP %d (check %s)", ErrUnauthorized, c.base, a.status, EnvAPIKey), false, 0
	case withFormat && (a.status == http.StatusBadRequest || a.status == http.StatusUnprocessableEntity) && mentionsFormat(a.body):
		return errFormatRejected, false, 0
	case a.status == http.StatusNotFound && bytes.Contains(bytes.ToLower(a.body), []byte("model")):
		return fmt.Errorf("%w: %s: %s", ErrNoModel, c.base, snippet(a.body)), false, 0
	case a.status == http.StatusTooManyRequests || a.status >= 500:
		return fmt.Errorf("%w: HTTP %d: %s", ErrServer, a.status, snippet(a.body)), true, retryAfter(a.header, time.Now())
	case a.status >= 400:
		return fmt.Errorf("%w: HTTP %d: %s", ErrServer, a.status, snippet(a.body)), false, 0
	default:
		return fmt.Errorf("%w: %v", ErrBadResponse, oneLine(err)), false, 0
	}
}

func mentionsFormat(body []byte) bool {
	b := bytes.ToLower(body)
	return bytes.Contains(b, []byte("response_format")) || bytes.Contains(b, []byte("json_schema"))
}

// retryAfter reads the server's wish: retry-after-ms (OpenAI, vLLM
// proxies), then Retry-After in seconds or as an HTTP date. Zero when absent.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && ms > 0 {
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s > 0 {
			return time.Duration(s * float64(time.Second))
		}
		return 0
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// backoff is the delay before retry n (0-based): exponential from
// BackoffBase, capped at BackoffMax, with jitter over its upper half so
// parallel section writers do not retry in lockstep; a server's Retry-After
// (capped at RetryAfterMax) wins when longer.
func (c *Client) backoff(n int, after time.Duration) time.Duration {
	d := c.cfg.BackoffBase << min(n, 30)
	if d > c.cfg.BackoffMax || d <= 0 {
		d = c.cfg.BackoffMax
	}
	if half := int64(d / 2); half > 0 {
		d = time.Duration(half + rand.Int64N(half+1))
	}
	if after > c.cfg.RetryAfterMax {
		after = c.cfg.RetryAfterMax
	}
	return max(d, after)
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// oneLine flattens an error for a one-line message.
func oneLine(err error) string {
	if err == nil {
		return ""
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

// snippet returns the start of an error body, on one line.
func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if s == "" {
		return "(empty body)"
	}
	const n = 200
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return s
}
