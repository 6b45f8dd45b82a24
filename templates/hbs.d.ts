// Type of a `*.hbs` import: a precompiled Handlebars template spec (see build/handlebars-precompile.ts).
declare module '*.hbs' {
  const spec: TemplateSpecification;
  export default spec;
  export const source: string;
}
