package llm

import "errors"

// Typed errors a caller can branch on with errors.Is. Every error returned by
// Probe or Complete wraps at most one of them, with the detail in its message.
var (
	// ErrUnreachable means no HTTP answer came back: connection refused, DNS
	// failure, reset connection — after the retries were spent.
	ErrUnreachable = errors.New("llm server unreachable")
	// ErrUnauthorized means the server answered 401 or 403: the key is missing
	// or invalid.
	ErrUnauthorized = errors.New("llm server rejected the API key")
	// ErrNoModel means the server does not serve the configured model.
	ErrNoModel = errors.New("llm model not available")
	// ErrTimeout means one call got no complete answer within Config.Timeout.
	// It is not retried: the same prompt to the same model is likely to be as
	// slow again, and the writer has an offline fallback.
	ErrTimeout = errors.New("llm call timed out")
	// ErrServer means the server kept answering 429 or 5xx, or answered
	// another unexpected HTTP status.
	ErrServer = errors.New("llm server error")
	// ErrBadJSON means the answer to a schema request held no parsable JSON
	// even after the one corrective retry.
	ErrBadJSON = errors.New("llm answer is not valid JSON")
	// ErrBadResponse means the server answered 2xx with a body that is not a
	// chat completion (no choices, undecodable body).
	ErrBadResponse = errors.New("llm server sent an invalid response")
)

// IsSetupError reports whether err means the configured server, key or model
// cannot be used at all — the cases the CLI reports in one line and exits 2.
func IsSetupError(err error) bool {
	return errors.Is(err, ErrUnreachable) || errors.Is(err, ErrUnauthorized) || errors.Is(err, ErrNoModel)
}
