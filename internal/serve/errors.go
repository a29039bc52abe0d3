package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/write"
)

// apiError is an error with its HTTP status and a stable code for clients.
// Handlers return one, or any error that writeError knows how to classify.
type apiError struct {
	Status  int
	Code    string
	Message string
}

func (e *apiError) Error() string { return e.Message }

func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, "bad_request", fmt.Sprintf(format, args...)}
}

var (
	errUnauthorized = &apiError{http.StatusUnauthorized, "unauthorized", "missing or wrong bearer token"}
	errBusy         = &apiError{http.StatusServiceUnavailable, "busy", "too many rewrites running; retry shortly"}
	errNoStore      = &apiError{http.StatusNotFound, "no_store", "this server keeps no history (start it with --db)"}
	errNotFound     = &apiError{http.StatusNotFound, "not_found", "no such resource"}
)

// retryAfter is the Retry-After given with 503, in seconds.
const retryAfter = 5

// errorBody is the one JSON shape of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// classify maps an error of any stage to its status, code and message.
// Errors it does not know are internal: logged in full, answered with a
// generic message that leaks nothing.
func classify(err error) (*apiError, bool) {
	var ae *apiError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae, true
	case errors.As(err, &mbe):
		return &apiError{http.StatusRequestEntityTooLarge, "too_large",
			fmt.Sprintf("request body over the %d-byte limit", mbe.Limit)}, true
	case source.IsForbiddenAddress(err):
		return &apiError{http.StatusUnprocessableEntity, "url_forbidden", err.Error()}, true
	case source.IsBadInput(err), errors.Is(err, check.ErrUnreadable):
		return &apiError{http.StatusUnprocessableEntity, "bad_input", err.Error()}, true
	case errors.Is(err, clean.ErrNoArticle), errors.Is(err, check.ErrNoArticle), errors.Is(err, article.ErrEmpty),
		errors.Is(err, rewrite.ErrNoMaterial):
		return &apiError{http.StatusUnprocessableEntity, "no_article", err.Error()}, true
	case errors.Is(err, write.ErrNotFrench):
		return &apiError{http.StatusUnprocessableEntity, "not_french", err.Error()}, true
	case errors.Is(err, write.ErrNoFrench):
		return &apiError{http.StatusBadGateway, "llm_failed", err.Error()}, true
	case errors.Is(err, check.ErrTooLarge):
		return &apiError{http.StatusRequestEntityTooLarge, "too_large", err.Error()}, true
	case errors.Is(err, store.ErrNotFound):
		return errNotFound, true
	case errors.Is(err, context.DeadlineExceeded):
		return &apiError{http.StatusGatewayTimeout, "timeout", "the work took longer than the server allows"}, true
	case errors.Is(err, context.Canceled):
		// The client went away; 499 in nginx's convention, never seen by it.
		return &apiError{499, "canceled", "request canceled"}, true
	}
	return &apiError{http.StatusInternalServerError, "internal", "internal error; the server log has the details"}, false
}

// writeError is the one place an error becomes a response.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	ae, known := classify(err)
	if !known {
		log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if ae.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	}
	var body errorBody
	body.Error.Code, body.Error.Message = ae.Code, ae.Message
	writeJSON(w, ae.Status, body)
}

// writeJSON writes v with status. encoding/json escapes <, > and & in
// strings, so a response is inert even if something renders it as HTML.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// Only our own types are encoded here; this is a programming error.
		http.Error(w, `{"error":{"code":"internal","message":"cannot encode the response"}}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}
