// The clipboard, as every Copy button uses it: whether the text was copied (false where the page may not write it: a
// frame without permission, an old browser, an insecure origin), so the button can say so and offer another way.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
