// In rows of inputs, help text goes under the input so the inputs of a row line up.
export const belowInput: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];
