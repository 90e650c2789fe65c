import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { deleteResident, type Resident, residentKeys, restoreResident } from '../../api/residents';
import { visitKeys } from '../../api/visits';
import { errorText } from '../../components/errorText';
import { useT } from '../../i18n';

/**
 * Delete (soft) and restore a record. After a delete the page returns to the list, and the
 * success message carries 撤销, which restores the record and opens it again.
 */
export function useResidentActions() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const refresh = (resident: Resident) => {
    queryClient.setQueryData(residentKeys.detail(resident.id), resident);
    void queryClient.invalidateQueries({ queryKey: residentKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: residentKeys.history(resident.id) });
    void queryClient.invalidateQueries({ queryKey: visitKeys.all });
  };

  const restore = useMutation({
    mutationFn: (resident: Resident) => restoreResident(resident.id),
    onSuccess: (resident) => {
      refresh(resident);
      void message.success(t('residents.restored', { name: resident.name }));
    },
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  const remove = useMutation({
    mutationFn: (resident: Resident) => deleteResident(resident.id),
    onSuccess: (resident) => {
      refresh(resident);
      const key = `resident-deleted-${resident.id}`;
      void message.open({
        key,
        type: 'success',
        duration: 10,
        content: (
          <span>
            {t('residents.deleted', { name: resident.name })}
            <Button
              type="link"
              size="small"
              data-testid="undo-delete"
              onClick={() => {
                message.destroy(key);
                // The record's page is gone by now (we are on the list), so this does not go
                // through the page's mutation, whose per-call callbacks would not run.
                restoreResident(resident.id).then(
                  (restored) => {
                    refresh(restored);
                    void message.success(t('residents.restored', { name: restored.name }));
                    navigate(`/residents/${restored.id}`);
                  },
                  (error: unknown) => {
                    void message.error(errorText(t, error));
                  },
                );
              }}
            >
              {t('residents.undo')}
            </Button>
          </span>
        ),
      });
      navigate('/residents');
    },
    onError: (error) => {
      void message.error(errorText(t, error));
    },
  });

  return { remove, restore };
}
