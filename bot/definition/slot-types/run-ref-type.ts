/** The `RunRefType` slot type: a run id as the user typed it, or `latest` for "the last one". */
import type { SlotTypeDefinition } from '../bot-definition';

/** The slot type's name, as intents refer to it. */
export const RUN_REF_TYPE = 'RunRefType';

/** The value the "most recent run" phrasings resolve to; the code hook maps it to the newest run it knows. */
export const LATEST_RUN = 'latest';

/** ORIGINAL_VALUE keeps any id the user types; the sample ids teach Lex their shape (https://docs.aws.amazon.com/lexv2/latest/dg/custom-slot-types.html). */
export const runRefType: SlotTypeDefinition = {
  name: RUN_REF_TYPE,
  description: 'A run id such as r-7f3a9c, or the most recent run.',
  resolution: 'ORIGINAL_VALUE',
  values: [
    { value: 'r-7f3a9c', synonyms: [] },
    { value: 'r-12ab', synonyms: [] },
    { value: 'r-0c4d11', synonyms: [] },
    { value: 'r-b3e9f0', synonyms: [] },
    { value: LATEST_RUN, synonyms: ['last', 'last one', 'most recent', 'newest', 'latest one'] },
  ],
};
