/**
 * A stable colour per engagement model, by its place among the models in force, so a model
 * looks the same in every chart of the models page.
 */
const PALETTE = ['#5e6ad2', '#26b5ce', '#f0a04b', '#4cb782', '#e5709b', '#9b8afb', '#d4b13f', '#8a8f98'];

export function modelColor(modelIds: readonly string[], modelId: string): string {
  const index = modelIds.indexOf(modelId);
  return PALETTE[(index < 0 ? modelIds.length : index) % PALETTE.length]!;
}
