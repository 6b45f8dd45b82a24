// Type of a `*.hbs` import: a precompiled Handlebars template spec (see build/handlebars-precompile.ts).
// A kind's `skeleton.hbs` instead yields `templates` (one composed spec per language) and
// `templateVersion` (a hash of the skeleton and its catalogues); see templates/README.md.
declare module '*.hbs' {
  const spec: TemplateSpecification;
  export default spec;
  export const source: string;
  export const templates: Readonly<Record<'en' | 'nl' | 'de' | 'it', TemplateSpecification>> | undefined;
  export const templateVersion: string | undefined;
}
