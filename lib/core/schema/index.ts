export { validateSchema, type SchemaResult, type SchemaViolation } from './validate';
