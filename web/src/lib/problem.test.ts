import { fieldErrors, parseProblem, problemMessage } from './problem';

describe('problem+json', () => {
  it('reads a problem with its violations', () => {
    const body = JSON.stringify({
      type: 'about:blank', title: 'Bad Request', status: 400, detail: 'One or more fields are invalid.',
      violations: [
        { field: 'address.postalCode', message: 'must be a CEP such as 01310-100' },
        { field: 'email', message: 'must not be blank' },
        { field: 'email', message: 'must be a well-formed email address' },
        { nonsense: true },
      ],
    });
    const problem = parseProblem(400, 'application/problem+json', body);
    expect(problem.status).toBe(400);
    expect(problem.violations).toHaveLength(3);
    expect(fieldErrors(problem)).toEqual({ 'address.postalCode': 'Informe um CEP como 01310-100.', email: 'Preencha este campo.' });
    expect(problemMessage(problem)).toBe('Confira os campos destacados.');
  });

  it('keeps the detail of a problem it has no special words for', () => {
    const problem = parseProblem(409, 'application/problem+json; charset=utf-8', '{"status":409,"title":"Conflict","detail":"Too late to cancel."}');
    expect(problemMessage(problem)).toBe('Too late to cancel.');
    expect(problemMessage(problem, { 409: 'Não dá mais.' })).toBe('Não dá mais.');
  });

  it('still gives a problem for an answer that is not one', () => {
    expect(parseProblem(502, 'text/html', '<html>bad gateway</html>')).toEqual({ status: 502 });
    expect(parseProblem(500, 'application/json', '{broken')).toEqual({ status: 500 });
    expect(problemMessage({ status: 502 })).toMatch(/indisponível/);
    expect(problemMessage({ status: 0 })).toMatch(/conexão/);
    expect(problemMessage({ status: 429 })).toMatch(/Aguarde/);
  });

  it('passes a server message it does not know through unchanged', () => {
    const problem = parseProblem(400, 'application/json', '{"status":400,"violations":[{"field":"x","message":"odd rule"}]}');
    expect(fieldErrors(problem)).toEqual({ x: 'odd rule' });
  });
});
