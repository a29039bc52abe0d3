package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/shared"
)

// Schema asks for a JSON answer shaped by a JSON Schema.
type Schema struct {
	// Name identifies the schema to the server (a-z, A-Z, 0-9, _ and -).
	Name string
	// JSON is the JSON Schema document itself.
	JSON json.RawMessage
	// Strict asks servers that support it to enforce the schema exactly.
	Strict bool
}

// Request is one chat completion: a system prompt, a user prompt and limits.
type Request struct {
	// System holds the standing instructions (role, rules, style).
	System string
	// User holds the task and its data; the source text goes here, quoted.
	User string
	// MaxTokens bounds the answer (sent as max_tokens, which every
	// OpenAI-compatible server understands); 0 leaves the server's default.
	MaxTokens int
	// Temperature is sent when positive; 0 leaves the server's default.
	Temperature float64
	// Schema, when set, asks for JSON: response_format json_schema where the
	// server supports it, the schema in the prompt where it does not.
	Schema *Schema
}

// Response is what the model answered.
type Response struct {
	// Text is the assistant message, streamed chunks assembled.
	Text string
	// JSON is the value ParseJSON extracted from Text; set only for a
	// schema request whose answer parsed.
	JSON json.RawMessage
	// Truncated is true when the server stopped at the token limit
	// (finish_reason "length"): the text is cut off and must not be used
	// as is. A truncated answer is returned without error and without the
	// corrective JSON retry, which could not help.
	Truncated bool
	// FinishReason is the server's finish_reason ("stop", "length", …).
	FinishReason string
	// Model is the model name the server reported.
	Model string
	// PromptTokens and CompletionTokens sum over this call's requests.
	PromptTokens     int
	CompletionTokens int
	// Calls is the number of HTTP requests this Complete made.
	Calls int
	// SchemaInPrompt is true when the server rejected response_format and
	// the schema was given in the system prompt instead.
	SchemaInPrompt bool
}

// Prompt text for the fallbacks. French, because plume's prompts are French
// and an English instruction invites English prose.
const (
	schemaPromptFmt = "\n\nRéponds uniquement par un objet JSON valide, conforme au schéma JSON ci-dessous, sans texte avant ni après et sans balises Markdown.\nSchéma (%s) :\n%s"
	correctionFmt   = "Ta réponse précédente n'est pas un JSON valide : %s. Réponds de nouveau uniquement par l'objet JSON complet et corrigé, conforme au schéma, sans texte autour."
)

// Complete sends req and returns the answer. It retries 429, 5xx and
// connection errors with bounded, jittered exponential backoff honouring
// Retry-After; each request is bounded by Config.Timeout. With a Schema it
// asks for response_format json_schema, falls back to the schema in the
// prompt if the server rejects that, parses the answer tolerantly, and
// makes one corrective request quoting the parse error if that fails.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	if req.User == "" && req.System == "" {
		return Response{}, errors.New("llm complete: empty prompt")
	}
	if req.Schema != nil && len(req.Schema.JSON) > 0 && !json.Valid(req.Schema.JSON) {
		return Response{}, fmt.Errorf("llm complete: schema %q is not valid JSON", req.Schema.Name)
	}
	start := time.Now()
	var resp Response
	defer func() {
		c.addUsage(Usage{
			Calls:            resp.Calls,
			PromptTokens:     resp.PromptTokens,
			CompletionTokens: resp.CompletionTokens,
			Retries:          max(resp.Calls-1, 0),
			Seconds:          time.Since(start).Seconds(),
		})
	}()

	withFormat := req.Schema != nil && !c.noFormat.Load()
	msgs := c.messages(req, withFormat)
	err := c.send(ctx, req, msgs, withFormat, &resp)
	if errors.Is(err, errFormatRejected) {
		c.noFormat.Store(true)
		withFormat = false
		msgs = c.messages(req, false)
		err = c.send(ctx, req, msgs, false, &resp)
	}
	resp.SchemaInPrompt = req.Schema != nil && !withFormat
	if err != nil {
		return resp, err
	}
	if req.Schema == nil {
		return resp, nil
	}
	js, perr := ParseJSON(resp.Text)
	if perr == nil || resp.Truncated {
		resp.JSON = js
		return resp, nil
	}
	// One corrective request: the model sees its own answer and the exact
	// parse error, which local models fix far more often than a blind retry.
	msgs = append(msgs, openai.AssistantMessage(resp.Text), openai.UserMessage(fmt.Sprintf(correctionFmt, perr)))
	if err := c.send(ctx, req, msgs, withFormat, &resp); err != nil {
		return resp, err
	}
	js, perr = ParseJSON(resp.Text)
	if perr != nil {
		if resp.Truncated {
			return resp, nil
		}
		return resp, fmt.Errorf("%w (after a corrective retry): %v", ErrBadJSON, perr)
	}
	resp.JSON = js
	return resp, nil
}

// messages builds the conversation, with the schema in the system prompt
// when response_format is not used.
func (c *Client) messages(req Request, withFormat bool) []openai.ChatCompletionMessageParamUnion {
	sys := req.System
	if req.Schema != nil && !withFormat {
		sys += fmt.Sprintf(schemaPromptFmt, req.Schema.Name, req.Schema.JSON)
	}
	var msgs []openai.ChatCompletionMessageParamUnion
	if sys != "" {
		msgs = append(msgs, openai.SystemMessage(sys))
	}
	return append(msgs, openai.UserMessage(req.User))
}

// send makes one logical request with retries and fills resp's text,
// finish reason and counters (added to what resp already holds).
func (c *Client) send(ctx context.Context, req Request, msgs []openai.ChatCompletionMessageParamUnion, withFormat bool, resp *Response) error {
	params := openai.ChatCompletionNewParams{Model: shared.ChatModel(c.cfg.Model), Messages: msgs}
	if req.MaxTokens > 0 {
		params.MaxTokens = openai.Int(int64(req.MaxTokens))
	}
	if req.Temperature > 0 {
		params.Temperature = openai.Float(req.Temperature)
	}
	if withFormat {
		js := shared.ResponseFormatJSONSchemaJSONSchemaParam{Name: req.Schema.Name}
		if len(req.Schema.JSON) > 0 {
			js.Schema = req.Schema.JSON
		}
		if req.Schema.Strict {
			js.Strict = openai.Bool(true)
		}
		params.ResponseFormat = openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONSchema: &shared.ResponseFormatJSONSchemaParam{JSONSchema: js},
		}
	}
	for n := 0; ; n++ {
		a := &attempt{}
		actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
		comp, err := c.sdk.Chat.Completions.New(actx, params, option.WithMiddleware(a.middleware))
		resp.Calls++
		if err == nil {
			cancel()
			if len(comp.Choices) == 0 {
				return fmt.Errorf("%w: no choices in the answer", ErrBadResponse)
			}
			ch := comp.Choices[0]
			resp.Text = ch.Message.Content
			resp.FinishReason = ch.FinishReason
			resp.Truncated = ch.FinishReason == "length"
			resp.Model = comp.Model
			resp.PromptTokens += int(comp.Usage.PromptTokens)
			resp.CompletionTokens += int(comp.Usage.CompletionTokens)
			return nil
		}
		out, retry, after := c.classify(ctx, actx, a, err, withFormat)
		cancel()
		if !retry || n >= c.cfg.retries() {
			if retry {
				return fmt.Errorf("%w (gave up after %d attempts)", out, n+1)
			}
			return out
		}
		if err := sleep(ctx, c.backoff(n, after)); err != nil {
			return fmt.Errorf("llm call: %w (while retrying: %v)", err, out)
		}
	}
}
