/** Types for asl-validator 4, which ships none: `validator(definition, options)` returns `{ isValid, errors }`. */
declare module 'asl-validator' {
  function validator(
    definition: unknown,
    options?: { checkPaths: boolean; checkArn: boolean },
  ): {
    isValid: boolean;
    errors: {
      'Error code': string;
      Message: string;
      schemaError?: { instancePath: string; schemaPath: string };
    }[];
    errorsText: (separator?: string) => string;
  };
  export = validator;
}
