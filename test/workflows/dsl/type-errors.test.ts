/**
 * The DSL's type errors as tsc prints them. Each case in type-error-cases/ sits under a
 * `// @ts-expect-error <case>` directive, so `tsc -p tsconfig.json` checks that it still fails;
 * here all of them are compiled in one program with the directives blanked out, and the one error
 * each causes must land on the wrong entry and say what is wrong in words.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const CASES_DIR = path.join(__dirname, 'type-error-cases');
const DIRECTIVE = '@ts-expect-error';

/** Where each case's mistake is: the line after its directive, in the file that holds it. */
type CaseLine = { file: string; line: number; text: string };

/** The repo's compiler options, as `tsc -p tsconfig.json` uses them. */
function repoOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!parsed) throw new Error('cannot read tsconfig.json');
  return parsed.options;
}

/** Every case file compiled in one program, each directive replaced by spaces so positions stay put. */
function compileCases(files: readonly string[]): string[] {
  const options = repoOptions();
  const base = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...base,
    getSourceFile: (fileName, languageVersion, onError) =>
      files.includes(path.resolve(fileName))
        ? ts.createSourceFile(
            fileName,
            fs.readFileSync(fileName, 'utf8').replaceAll(DIRECTIVE, ' '.repeat(DIRECTIVE.length)),
            languageVersion,
          )
        : base.getSourceFile(fileName, languageVersion, onError),
  };
  const program = ts.createProgram({ rootNames: files, options, host });
  return files.flatMap((file) => {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not compiled: ${file}`);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) =>
      printed(source, diagnostic),
    );
  });
}

/** A diagnostic as tsc prints it: `file(line,column): error TS2322: message`. */
function printed(source: ts.SourceFile, diagnostic: ts.Diagnostic): string {
  const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  return `${path.relative(ROOT, source.fileName)}(${line + 1},${character + 1}): error TS${diagnostic.code}: ${message}`;
}

/** The cases written in the case files, by name. */
function caseLines(files: readonly string[]): Map<string, CaseLine> {
  const cases = new Map<string, CaseLine>();
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, index) => {
      const name = new RegExp(`// ${DIRECTIVE} (\\S+)`).exec(text)?.[1];
      if (name) cases.set(name, { file: path.relative(ROOT, file), line: index + 2, text: lines[index + 1] });
    });
  }
  return cases;
}

/** Where tsc reports a case: its mistake's line, at the first occurrence of `landsOn` in it. */
function position(mistake: CaseLine, landsOn: string): string {
  const column = mistake.text.indexOf(landsOn) + 1;
  if (column === 0) throw new Error(`'${landsOn}' is not on ${mistake.file}:${mistake.line}`);
  return `${mistake.file}(${mistake.line},${column})`;
}

/** A case: its name, the text its error lands on, and the error tsc prints there. */
type Case = [name: string, landsOn: string, error: string];

const PARAMETER_PATHS: Case[] = [
  [
    'misspelt-parameter',
    `'amount.$'`,
    `error TS2322: Type '"$.totl"' is not assignable to type '"'$.totl' is not a field of the data here (customer, items, orderId, total)"'.`,
  ],
  [
    'nested-parameter',
    `'tier.$'`,
    `error TS2322: Type '"$.customer.tierr"' is not assignable to type '"'$.customer.tierr' is not a field of the data here ('$.customer' has id, tier, vip)"'.`,
  ],
  [
    'parameter-in-nested-template',
    `'id.$'`,
    `error TS2322: Type '"$.customer.ID"' is not assignable to type '"'$.customer.ID' is not a field of the data here ('$.customer' has id, tier, vip)"'.`,
  ],
  [
    'parameter-through-array',
    `'sku.$'`,
    `error TS2322: Type '"$.items.sku"' is not assignable to type '"'$.items.sku' is not a field of the data here ('$.items' is an array: pick an item first, as in '$.items[0].sku')"'.`,
  ],
  [
    'parameter-into-value',
    `'amount.$'`,
    `error TS2322: Type '"$.total.amount"' is not assignable to type '"'$.total.amount' is not a field of the data here ('$.total' is a number)"'.`,
  ],
  [
    'parameter-without-dollar',
    `'orderId.$'`,
    `error TS2322: Type '"orderId"' is not assignable to type '"'orderId' is not a path: paths start with '$'"'.`,
  ],
  [
    'misspelt-result-selector',
    `'id.$'`,
    `error TS2322: Type '"$.Payload.reservationID"' is not assignable to type '"'$.Payload.reservationID' is not a field of the data here ('$.Payload' has reservationId)"'.`,
  ],
  [
    'misspelt-item-selector',
    `'order.$'`,
    `error TS2322: Type '"$.orderID"' is not assignable to type '"'$.orderID' is not a field of the data here (customer, items, orderId, total)"'.`,
  ],
];

const INPUT_OUTPUT_PATHS: Case[] = [
  [
    'misspelt-input-path',
    'inputPath',
    `error TS2322: Type '"$.custmer.id"' is not assignable to type '"'$.custmer.id' is not a field of the data here (customer, items, orderId, total)"'.`,
  ],
  [
    'output-path-after-result-path',
    'outputPath',
    `error TS2322: Type '"$.reservation.reservationId"' is not assignable to type '"'$.reservation.reservationId' is not a field of the data here ('$.reservation' has Payload)"'.`,
  ],
  [
    'misspelt-items-path',
    'itemsPath',
    `error TS2322: Type '"$.item"' is not assignable to type '"'$.item' is not a field of the data here (customer, items, orderId, total)"'.`,
  ],
  [
    'misspelt-choice-input-path',
    'inputPath',
    `error TS2322: Type '"$.customer.Id"' is not assignable to type '"'$.customer.Id' is not a field of the data here ('$.customer' has id, tier, vip)"'.`,
  ],
  [
    'misspelt-approval-context',
    'context',
    `error TS2322: Type '"$.customr"' is not assignable to type '"'$.customr' is not a field of the data here (customer, items, orderId, total)"'.`,
  ],
  [
    'misspelt-seconds-path',
    'secondsPath',
    `error TS2322: Type '"$.customer.delaySeconds"' is not assignable to type '"'$.customer.delaySeconds' is not a field of the data here ('$.customer' has id, tier, vip)"'.`,
  ],
];

const CHOICE_VARIABLES: Case[] = [
  [
    'replaced-field',
    `'$.total'`,
    `error TS2345: Argument of type '"$.total"' is not assignable to parameter of type '"'$.total' is not a field of the data here (chargeId)"'.`,
  ],
  [
    'number-test-on-string',
    `'$.orderId'`,
    `error TS2345: Argument of type '"$.orderId"' is not assignable to parameter of type '"'$.orderId' is a string, but number() compares numbers"'.`,
  ],
  [
    'string-test-on-object',
    `'$.customer'`,
    `error TS2345: Argument of type '"$.customer"' is not assignable to parameter of type '"'$.customer' is an object, but string() compares strings"'.`,
  ],
  [
    'boolean-test-on-string',
    `'$.customer.tier'`,
    `error TS2345: Argument of type '"$.customer.tier"' is not assignable to parameter of type '"'$.customer.tier' is a string, but boolean() compares booleans"'.`,
  ],
  [
    'misspelt-comparison-path',
    `'$.limit'`,
    `error TS2345: Argument of type '"$.limit"' is not assignable to parameter of type '"'$.limit' is not a field of the data here (customer, items, orderId, total)"'.`,
  ],
  [
    'misspelt-presence-test',
    `'$.customer.vipp'`,
    `error TS2345: Argument of type '"$.customer.vipp"' is not assignable to parameter of type '"'$.customer.vipp' is not a field of the data here ('$.customer' has id, tier, vip)"'.`,
  ],
];

const RESULT_PATHS_AND_OPTIONS: Case[] = [
  [
    'result-path-through-value',
    'resultPath',
    `error TS2322: Type '"$.total.reservation"' is not assignable to type '"'$.total.reservation' cannot hold the result: '$.total' is a number"'.`,
  ],
  [
    'result-path-without-dollar',
    'resultPath',
    `error TS2322: Type '"reservation"' is not assignable to type '"'reservation' cannot hold the result: a ResultPath is '$', '$.field' or null"'.`,
  ],
  [
    'catch-result-path-through-value',
    'resultPath',
    `error TS2322: Type '"$.total.error"' is not assignable to type '"'$.total.error' cannot hold the result: '$.total' is a number"'.`,
  ],
  [
    'misspelt-option',
    'resultpath',
    `error TS2322: Type '"$.reservation"' is not assignable to type '"'resultpath' is not an option of this state; did you mean 'resultPath'?"'.`,
  ],
];

describe('DSL type errors name the wrong path and say why', () => {
  const files = fs
    .readdirSync(CASES_DIR)
    .map((name) => path.join(CASES_DIR, name))
    .sort();
  const cases = caseLines(files);
  let reported: string[] = [];

  beforeAll(() => {
    reported = compileCases(files);
  }, 60_000);

  /** What tsc reports on a case's line: one error, where and as the case expects. */
  function expectCase(name: string, landsOn: string, error: string): void {
    const mistake = cases.get(name);
    if (!mistake) throw new Error(`no case '${name}' in ${CASES_DIR}`);

    const onTheLine = reported.filter((line) => line.startsWith(`${mistake.file}(${mistake.line},`));

    expect(onTheLine).toStrictEqual([`${position(mistake, landsOn)}: ${error}`]);
  }

  it.each(PARAMETER_PATHS)('in Parameters, ResultSelector and ItemSelector: %s (on %s)', expectCase);
  it.each(INPUT_OUTPUT_PATHS)('in InputPath, OutputPath, ItemsPath, SecondsPath and context: %s (on %s)', expectCase);
  it.each(CHOICE_VARIABLES)('in Choice variables: %s (on %s)', expectCase);
  it.each(RESULT_PATHS_AND_OPTIONS)('in ResultPath and option names: %s (on %s)', expectCase);

  it('reports nothing but the cases, so right entries beside a wrong one stay clean', () => {
    const caseLineStarts = [...cases.values()].map((mistake) => `${mistake.file}(${mistake.line},`);

    const elsewhere = reported.filter((line) => !caseLineStarts.some((start) => line.startsWith(start)));

    expect(elsewhere).toStrictEqual([]);
  });

  it('asserts every case the case files hold', () => {
    const asserted = [...PARAMETER_PATHS, ...INPUT_OUTPUT_PATHS, ...CHOICE_VARIABLES, ...RESULT_PATHS_AND_OPTIONS].map(([name]) => name);

    expect([...cases.keys()].sort()).toStrictEqual(asserted.sort());
  });
});
