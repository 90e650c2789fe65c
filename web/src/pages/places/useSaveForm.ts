import { type MutationFunction, useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { applyApiErrorToForm } from '../../components/formErrors';

/**
 * A modal form's save: the server's complaints go onto the fields they name, anything else into
 * an alert above the form, which the next change clears.
 *
 * Each opening starts from the form's initial values. The modals keep their form mounted
 * (`forceRender`): a remounted antd Form keeps the values its instance held over new initial
 * values, so the last entry would show up in the next one (a new shop's code in the next edit).
 */
export function useSaveForm<Values, Saved>(
  form: FormInstance,
  fields: readonly string[],
  save: MutationFunction<Saved, Values>,
  onSaved: (saved: Saved) => void,
  /**
   * `target` names what the form holds: the record's id, or for a new record its defaults as a
   * string. Defaults can change just after the opening (the tab the 新增 came from lands in a
   * router transition, after the click's own render): a new target resets the form once more.
   */
  opening: { open: boolean; target: unknown },
) {
  const [alertError, setAlertError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: save,
    onMutate: () => setAlertError(null),
    onSuccess: onSaved,
    onError: (error) => {
      if (!applyApiErrorToForm(form, error, fields)) setAlertError(error);
    },
  });
  const { open, target } = opening;
  const { reset } = mutation;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new target is a new opening.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setAlertError(null);
    reset();
  }, [open, target, form, reset]);
  return { mutation, alertError, clearAlert: () => setAlertError(null) };
}
