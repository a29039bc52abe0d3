package llm

import (
	"strings"
	"testing"
	"time"
)

func TestFromEnv(t *testing.T) {
	t.Parallel()
	env := map[string]string{EnvURL: "http://gpu:8000/v1", EnvModel: "mistral-small", EnvAPIKey: "sk-x", "OPENAI_API_KEY": "ignored"}
	got := FromEnv(func(k string) string { return env[k] })
	if got.URL != "http://gpu:8000/v1" || got.Model != "mistral-small" || got.APIKey != "sk-x" {
		t.Errorf("FromEnv = %+v", got)
	}
	if got := FromEnv(func(string) string { return "" }).WithDefaults(); got.URL != DefaultURL {
		t.Errorf("empty env URL = %q, want %q", got.URL, DefaultURL)
	}
	if got := FromEnv(nil); got != (Config{}) {
		t.Errorf("FromEnv(nil) = %+v", got)
	}
}

func TestWithDefaults(t *testing.T) {
	t.Parallel()
	d := Config{Model: "m"}.WithDefaults()
	if d.URL != "http://localhost:11434/v1" || d.Timeout != 120*time.Second || d.MaxRetries != 3 ||
		d.BackoffBase != DefaultBackoffBase || d.BackoffMax != DefaultBackoffMax || d.RetryAfterMax != DefaultRetryAfterMax {
		t.Errorf("defaults = %+v", d)
	}
	if err := d.Validate(); err != nil {
		t.Errorf("defaults invalid: %v", err)
	}
	kept := Config{URL: "https://api.mistral.ai/v1", Model: "m", Timeout: time.Second, MaxRetries: -1}.WithDefaults()
	if kept.URL != "https://api.mistral.ai/v1" || kept.Timeout != time.Second || kept.MaxRetries != -1 || kept.retries() != 0 {
		t.Errorf("explicit values overwritten: %+v", kept)
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	ok := Config{Model: "m"}.WithDefaults()
	for _, tc := range []struct {
		name  string
		mod   func(*Config)
		field string // "" means valid
	}{
		{"valid", func(*Config) {}, ""},
		{"no retries", func(c *Config) { c.MaxRetries = -1 }, ""},
		{"empty URL", func(c *Config) { c.URL = "" }, "URL"},
		{"bad scheme", func(c *Config) { c.URL = "ftp://host/v1" }, "URL"},
		{"no host", func(c *Config) { c.URL = "localhost:11434" }, "URL"},
		{"unparsable URL", func(c *Config) { c.URL = "http://[::1" }, "URL"},
		{"no model", func(c *Config) { c.Model = "" }, "Model"},
		{"zero timeout", func(c *Config) { c.Timeout = 0 }, "Timeout"},
		{"too many retries", func(c *Config) { c.MaxRetries = 50 }, "MaxRetries"},
		{"backoff inverted", func(c *Config) { c.BackoffMax = time.Millisecond; c.BackoffBase = time.Second }, "BackoffMax"},
		{"negative backoff", func(c *Config) { c.BackoffBase = -1 }, "BackoffBase"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := ok
			tc.mod(&c)
			err := c.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.field) {
				t.Fatalf("err = %v, want one naming %s", err, tc.field)
			}
			// New applies defaults first, so only fields no default repairs
			// must make it fail.
			if _, nerr := New(c); (nerr == nil) != (c.WithDefaults().Validate() == nil) {
				t.Errorf("New err = %v, disagrees with Validate after defaults", nerr)
			}
		})
	}
	if err := (Config{}).Validate(); err == nil || !strings.Contains(err.Error(), "URL") || !strings.Contains(err.Error(), "Model") {
		t.Errorf("zero Config: %v, want every field named", err)
	}
}
