package llm

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Defaults applied by Config.WithDefaults.
const (
	// DefaultURL is Ollama's OpenAI-compatible endpoint on the local machine:
	// the cheapest way for an editor to run a model.
	DefaultURL = "http://localhost:11434/v1"
	// DefaultTimeout bounds one chat-completion request. Local models on a
	// laptop need minutes for a long section, hence the generous value.
	DefaultTimeout = 120 * time.Second
	// DefaultMaxRetries is how many times a failed request (429, 5xx,
	// connection error) is repeated.
	DefaultMaxRetries = 3
	// DefaultBackoffBase is the first retry delay; it doubles per attempt.
	DefaultBackoffBase = 500 * time.Millisecond
	// DefaultBackoffMax caps the exponential backoff.
	DefaultBackoffMax = 8 * time.Second
	// DefaultRetryAfterMax caps how long a server's Retry-After is honoured.
	DefaultRetryAfterMax = 60 * time.Second
)

// Environment variables read by FromEnv.
const (
	// EnvURL names the base-URL variable.
	EnvURL = "PLUME_LLM_URL"
	// EnvModel names the model variable.
	EnvModel = "PLUME_LLM_MODEL"
	// EnvAPIKey names the API-key variable.
	EnvAPIKey = "PLUME_LLM_API_KEY"
)

// Config says which server and model to talk to and how patiently.
// Zero fields take the defaults above through WithDefaults.
type Config struct {
	// URL is the OpenAI-compatible base URL, including the /v1 suffix.
	URL string
	// Model is the model name as the server lists it (Ollama's "name:latest"
	// also matches "name").
	Model string
	// APIKey is sent as a bearer token when not empty. Local servers need none.
	APIKey string
	// Timeout bounds each HTTP request (one attempt). Zero means DefaultTimeout.
	Timeout time.Duration
	// MaxRetries bounds the repeats after a 429, 5xx or connection error.
	// Zero means DefaultMaxRetries; a negative value disables retries.
	MaxRetries int
	// HTTPClient carries the requests; nil means a fresh client with no
	// global timeout (Timeout applies per attempt instead).
	HTTPClient *http.Client
	// BackoffBase is the first retry delay, doubled per attempt and jittered.
	// Zero means DefaultBackoffBase. Tests set it to a millisecond.
	BackoffBase time.Duration
	// BackoffMax caps the backoff delay. Zero means DefaultBackoffMax.
	BackoffMax time.Duration
	// RetryAfterMax caps a server's Retry-After. Zero means DefaultRetryAfterMax.
	RetryAfterMax time.Duration
}

// FromEnv returns a Config holding what the environment sets: URL, model and
// key from PLUME_LLM_URL, PLUME_LLM_MODEL and PLUME_LLM_API_KEY. getenv is
// injected (os.Getenv in production) so tests never touch the process
// environment. Flags given on the command line should override these fields.
func FromEnv(getenv func(string) string) Config {
	if getenv == nil {
		return Config{}
	}
	return Config{URL: getenv(EnvURL), Model: getenv(EnvModel), APIKey: getenv(EnvAPIKey)}
}

// WithDefaults returns a copy of c with every zero field set to its default.
func (c Config) WithDefaults() Config {
	if c.URL == "" {
		c.URL = DefaultURL
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxRetries == 0 {
		c.MaxRetries = DefaultMaxRetries
	}
	if c.BackoffBase == 0 {
		c.BackoffBase = DefaultBackoffBase
	}
	if c.BackoffMax == 0 {
		c.BackoffMax = DefaultBackoffMax
	}
	if c.RetryAfterMax == 0 {
		c.RetryAfterMax = DefaultRetryAfterMax
	}
	return c
}

// maxRetriesLimit keeps a typo (--llm-retries 1000) from hammering a server.
const maxRetriesLimit = 10

// Validate reports every invalid field of c, each error naming its field.
// Call it after WithDefaults.
func (c Config) Validate() error {
	var errs []error
	if c.URL == "" {
		errs = append(errs, errors.New("llm config: URL is empty"))
	} else if u, err := url.Parse(c.URL); err != nil {
		errs = append(errs, fmt.Errorf("llm config: URL %q: %w", c.URL, err))
	} else if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("llm config: URL %q must be http(s)://host[:port]/path", c.URL))
	}
	if c.Model == "" {
		errs = append(errs, fmt.Errorf("llm config: Model is empty (set --model or %s)", EnvModel))
	}
	if c.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("llm config: Timeout %v must be positive", c.Timeout))
	}
	if c.MaxRetries > maxRetriesLimit {
		errs = append(errs, fmt.Errorf("llm config: MaxRetries %d exceeds %d", c.MaxRetries, maxRetriesLimit))
	}
	if c.BackoffBase < 0 || c.BackoffMax < 0 || c.RetryAfterMax < 0 {
		errs = append(errs, errors.New("llm config: BackoffBase, BackoffMax and RetryAfterMax must not be negative"))
	} else if c.BackoffMax < c.BackoffBase {
		errs = append(errs, fmt.Errorf("llm config: BackoffMax %v is below BackoffBase %v", c.BackoffMax, c.BackoffBase))
	}
	return errors.Join(errs...)
}

// retries is the number of repeats allowed after a first failed attempt.
func (c Config) retries() int {
	if c.MaxRetries < 0 {
		return 0
	}
	return c.MaxRetries
}
