import { Modal } from '@mantine/core';
import type { Deal } from '../../api/deals';
import { ApproveForm, RejectForm } from './deal-review-forms';
import { RequestExtensionForm, ExtendForm } from './deal-protection-forms';
import { CloseForm, EditDealForm } from './deal-edit-forms';

export type DealModal = 'approve' | 'reject' | 'request-extension' | 'extend' | 'close' | 'edit';

const titles: Record<DealModal, string> = {
  approve: 'Approve deal',
  reject: 'Reject deal',
  'request-extension': 'Request a protection extension',
  extend: 'Extend protection',
  close: 'Close deal',
  edit: 'Edit deal',
};

interface Props {
  deal: Deal;
  modal: DealModal | null;
  onClose: () => void;
}

export function DealActionModal({ deal, modal, onClose }: Props) {
  return (
    <Modal
      opened={modal !== null}
      onClose={onClose}
      title={modal ? `${titles[modal]}: ${deal.customer.name}` : ''}
      size={modal === 'edit' ? 'xl' : 'md'}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      {/* Mounted per opening: each form starts from the deal as it is now. */}
      {modal === 'approve' && <ApproveForm deal={deal} onDone={onClose} />}
      {modal === 'reject' && <RejectForm deal={deal} onDone={onClose} />}
      {modal === 'request-extension' && <RequestExtensionForm deal={deal} onDone={onClose} />}
      {modal === 'extend' && <ExtendForm deal={deal} onDone={onClose} />}
      {modal === 'close' && <CloseForm deal={deal} onDone={onClose} />}
      {modal === 'edit' && <EditDealForm deal={deal} onDone={onClose} />}
    </Modal>
  );
}
