package facts

// relationFacts reads aliases, code names, memberships, people, definitions
// and geography from a sentence.
func (e *extractor) relationFacts(c *sentCtx) {}

// countFactsProse reads counts and casualties from a sentence.
func (e *extractor) countFactsProse(c *sentCtx) {}

// outcomeFacts reads captures and falls from a sentence.
func (e *extractor) outcomeFacts(c *sentCtx) {}
