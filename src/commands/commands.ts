/**
 * Add-in commands (webpack entry "commands"). The Home-tab button opens the task pane by itself
 * (ShowTaskpane in manifest.xml); this file registers the actions a ribbon ExecuteFunction control can
 * call. In the shared runtime it runs inside taskpane.html; outside Office (browser preview) it does nothing.
 */

/** Opens the task pane of the shared runtime, then tells Office the command is done. */
export async function showTaskpane(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions?.associate("showTaskpane", showTaskpane);
  });
}
