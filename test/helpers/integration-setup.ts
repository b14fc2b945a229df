/** Jest setup for the integration project: starting a stack takes seconds (more on a busy machine), so a hook or test gets 30 s unless it sets its own. */
jest.setTimeout(30_000);
